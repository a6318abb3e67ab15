"""What the CPU offers for training: whether it has bfloat16 units. No TensorFlow, no Qt.

TensorFlow's oneDNN kernels run ``mixed_bfloat16`` convolutions and matrix products on Intel's
AMX-BF16 tiles or AVX512-BF16 instructions (and AMD's AVX512-BF16); on such a CPU mixed
precision trained the reference network 2.8x faster than float32, the fast preset's 1.1x, and
the modern preset's (more batch norm) 0.8x (``tests/benchmarks/bench_cpu_knobs.py``, side by
side in one process; docs/benchmarks.md). Without those units bfloat16 is emulated and slower,
and float16 on a CPU is always slower.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

# /proc/cpuinfo flag names (Linux's arch/x86 cpufeatures) of the units oneDNN uses for bfloat16.
BFLOAT16_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})
CPUINFO = Path("/proc/cpuinfo")


@functools.cache
def cpu_has_bfloat16() -> bool:
    """True when the CPU has bfloat16 units (``BFLOAT16_FLAGS``), read from ``/proc/cpuinfo``.

    Linux only: elsewhere, or when the file cannot be read, False (mixed precision then stays
    off on the CPU, the safe side). Cached: the CPU does not change while the app runs.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        with CPUINFO.open(encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return bool(BFLOAT16_FLAGS & set(line.partition(":")[2].split()))
    except OSError:
        return False
    return False

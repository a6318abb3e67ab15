"""Lower the OS priority of a worker thread, so the GUI thread wins the CPU when it needs it.

On a 2-core machine TensorFlow's thread pools keep both cores busy; the GUI thread then waits
for a time slice and the window stutters. On Linux a thread's nice value is its own and is
inherited by the threads it creates, so the training worker lowers itself before TensorFlow
starts its pools from it. Training speed is unchanged while the GUI is idle.
"""

from __future__ import annotations

import os
import sys
import threading

WORKER_NICENESS = 10


def lower_current_thread_priority(niceness: int = WORKER_NICENESS) -> bool:
    """True when the calling thread's priority was lowered (Linux only; elsewhere a no-op)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        thread_id = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, thread_id)
        os.setpriority(os.PRIO_PROCESS, thread_id, max(current, niceness))
    except OSError:
        return False
    return True

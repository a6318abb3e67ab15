"""Time per image of the Classify tab's "Inside the network" view, on the CPU.

The reference dropout preset (16 layers); one ``LayerProbe`` (a single sub-model that outputs
every layer) built once, then one forward pass per image plus the 50-bin histogram of every
layer's output, as the view computes them on its worker. For context, the bare forward pass of
the model itself on the same image.

    python tests/benchmarks/bench_layer_view.py [--images 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")  # the CPU, as in a classroom


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=50)
    args = parser.parse_args()
    import numpy as np

    from cifar_gui.ml.activations import LayerProbe
    from cifar_gui.ml.models import build_model

    model = build_model("dropout", 10, [125.3, 123.0, 113.9], [63.0, 62.1, 66.7])
    started = time.perf_counter()
    probe = LayerProbe(model)
    built = time.perf_counter() - started
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (args.images + 3, 32, 32, 3), np.uint8)
    probe_seconds, bare_seconds = [], []
    for index, image in enumerate(images):
        result = probe.run(image)
        started = time.perf_counter()
        model(image[None].astype(np.float32), training=False)
        bare = time.perf_counter() - started
        if index >= 3:  # the first calls trace and warm up
            probe_seconds.append(result.seconds)
            bare_seconds.append(bare)
    print(f"probe built once in {built * 1000:.0f} ms ({len(probe.info)} layers)")
    print(
        f"per image, median of {args.images}: all layers + histograms "
        f"{statistics.median(probe_seconds) * 1000:.1f} ms; bare model "
        f"{statistics.median(bare_seconds) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()

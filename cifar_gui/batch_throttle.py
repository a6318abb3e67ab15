"""How often a live view hears about batches: at most ``rate`` updates a second, and always an
epoch's last batch, whatever the batch rate (a small model on a GPU finishes thousands a
second; a plot redrawn for each would starve the GUI thread). Qt-free: any front end may use it.
"""

from __future__ import annotations

import time

from cifar_gui.progress import BatchProgress

MAX_BATCH_SIGNALS_PER_SECOND = 30.0


class BatchThrottle:
    """Lets through at most ``rate`` batch updates a second, and always an epoch's last batch."""

    def __init__(self, rate: float = MAX_BATCH_SIGNALS_PER_SECOND) -> None:
        self.interval = 1.0 / rate
        self._last = -1e9

    def allow(self, progress: BatchProgress) -> bool:
        """True when ``progress`` should be passed on (the clock is ``time.monotonic``)."""
        now = time.monotonic()
        if progress.step == progress.steps or now - self._last >= self.interval:
            self._last = now
            return True
        return False

"""``cifar-gui sweep --parallel N``: up to N runs of a sweep at once, each its own process.

Each run is ``cifar-gui train --config RUN.json`` (or ``--resume RUN_DIR``) in a child process
with its own TensorFlow, so runs cannot disturb each other; on one GPU each grows its memory
as needed (``--gpu-memory-limit`` caps it). The children's lines are relayed as they come:
JSON events with the run's tag, text lines prefixed ``[run N]``. The children run in their own
process group, so Ctrl-C reaches them once, through this process: the first stops every run
after its current batch and starts no other (the rest stay queued), a second aborts them.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from cifar_gui import cli
from cifar_gui.cli_sweep import TaggedLines, record_result, run_tag, settings_file
from cifar_gui.sweep.queue import SweepItem, SweepQueue

POLL_SECONDS = 0.1


@dataclass
class _Child:
    item: SweepItem
    process: subprocess.Popen
    relays: list[threading.Thread]


def train_parallel(queue: SweepQueue, args: argparse.Namespace, limit: int) -> int:
    """Train the queue's runs left, ``limit`` at a time; the exit code is the train command's
    for the whole sweep (0, ``EXIT_FAILED`` when a run failed, ``EXIT_STOPPED`` on Ctrl-C)."""
    todo, children = list(queue.remaining), []
    state = {"stopping": False, "failed": False}
    lock = threading.Lock()

    def on_sigint(_signum, _frame) -> None:
        state["stopping"] = True
        for child in children:
            child.process.send_signal(signal.SIGINT)

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        while todo or children:
            while todo and len(children) < limit and not state["stopping"]:
                children.append(_launch(queue, todo.pop(0), args, lock))
            time.sleep(POLL_SECONDS)
            for child in [c for c in children if c.process.poll() is not None]:
                children.remove(child)
                _collect(queue, child, state)
    finally:
        signal.signal(signal.SIGINT, previous)
    if state["stopping"]:
        return cli.EXIT_STOPPED if not state["failed"] else cli.EXIT_FAILED
    return cli.EXIT_FAILED if state["failed"] else 0


def _launch(queue: SweepQueue, item: SweepItem, args, lock: threading.Lock) -> _Child:
    resume_dir = item.run_dir if item.state == "running" else None
    queue.mark_running(item)
    source = (
        ["--resume", resume_dir] if resume_dir else ["--config", str(settings_file(queue, item))]
    )
    argv = [sys.executable, "-m", "cifar_gui.cli", "train", *source]
    if args.json:
        argv.append("--json")
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
        start_new_session=True,  # Ctrl-C reaches it through on_sigint only, once
    )  # fmt: skip
    prefix = f"[run {item.index}] "
    relays = [
        threading.Thread(target=_relay, args=(stream, TaggedLines(target, run_tag(queue, item), prefix), lock), daemon=True)
        for stream, target in ((process.stdout, sys.stdout), (process.stderr, sys.stderr))
    ]  # fmt: skip
    for relay in relays:
        relay.start()
    return _Child(item, process, relays)


def _relay(stream, tagger: TaggedLines, lock: threading.Lock) -> None:
    for line in stream:
        with lock:
            tagger.write(line)
            tagger.flush()
    with lock:
        tagger.flush_rest()


def _collect(queue: SweepQueue, child: _Child, state: dict) -> None:
    for relay in child.relays:
        relay.join()
    status = record_result(queue, child.item)
    if status is None:  # refused before it made a folder: every other run would be too
        state["stopping"] = state["failed"] = True
    elif status == "failed":
        state["failed"] = True
    if child.process.returncode == cli.EXIT_STOPPED:
        state["stopping"] = True

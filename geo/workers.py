"""How many worker processes to run: what was asked, capped by this machine's cores and memory."""

from __future__ import annotations

import os

__all__ = ["cap_workers", "WORKER_BYTES"]

#: The memory one worker needs: the gazetteer and its automaton (about 360 MB measured) and documents in hand.
WORKER_BYTES = 500 * 2**20


def cap_workers(asked: int) -> tuple[int, str | None]:
    """(workers to run, a note saying why fewer than asked, or None)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    memory = _available_memory()
    by_memory = max(1, memory // WORKER_BYTES) if memory is not None else asked
    n = max(1, min(asked, cores, by_memory))
    if n == asked:
        return n, None
    room = f"{cores} cores" + (f", {memory / 2**30:.1f} GB of memory free at about "
                               f"{WORKER_BYTES / 2**30:.1f} GB a worker" if memory is not None else "")
    return n, f"--workers {asked} capped at {n} ({room})"


def _available_memory() -> int | None:
    """MemAvailable from /proc/meminfo, in bytes (None where there is no such file)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None

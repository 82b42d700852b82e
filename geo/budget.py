"""The per-document budget: the most characters and seconds one document may take (the last line of defence)."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from geo.errors import OverBudget

__all__ = ["Budget", "check"]

_deadline = threading.local()


@dataclass(frozen=True)
class Budget:
    """At most ``chars`` characters and ``seconds`` seconds of work per document (0: no limit)."""

    chars: int = 10_000_000
    seconds: float = 60.0

    def check_size(self, text: str) -> None:
        """OverBudget when the text is longer than the budget allows."""
        if self.chars and len(text) > self.chars:
            raise OverBudget(f"over the size budget: {len(text):,} characters (the limit is {self.chars:,}; "
                             f"raise it with --max-chars)")

    @contextmanager
    def clock(self, what: str):
        """Run the block under the time budget: OverBudget when it takes longer than ``seconds``.

        In the main thread an interval timer interrupts the work wherever it is (a regular
        expression included); in other threads (Dask workers) :func:`check` stops it at the next
        step of the pipeline.
        """
        if not self.seconds:
            yield
            return
        message = (f"over the time budget: {what} took more than {self.seconds:g} s "
                   f"(raise it with --max-seconds)")
        _deadline.at, _deadline.message = time.monotonic() + self.seconds, message
        timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
        if timer:
            def _expire(signum, frame):
                raise OverBudget(message)
            previous = signal.signal(signal.SIGALRM, _expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            _deadline.at = None
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)


def check() -> None:
    """OverBudget when the document being processed in this thread is past its time budget."""
    at = getattr(_deadline, "at", None)
    if at is not None and time.monotonic() > at:
        raise OverBudget(_deadline.message)

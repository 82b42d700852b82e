"""Headless Chromium in a process group of its own that dies with us, in a temporary folder cleaned even after a kill."""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.output import remove_if_unlocked

__all__ = ["chromium_folder", "headless_chromium", "FOLDER_PREFIX"]

#: Temporary folders of our Chromium runs are named so; a stale one (its run killed) is removed by the next run.
FOLDER_PREFIX = "incidents-chromium-"
_PR_SET_PDEATHSIG = 1


@contextmanager
def chromium_folder() -> Iterator[str]:
    """A temporary folder for one Chromium run (profile, page, product), locked while we live, then removed.

    Folders of earlier runs that were killed (their lock free) are removed first.
    """
    base = Path(tempfile.gettempdir())
    for stale in base.glob(FOLDER_PREFIX + "*"):
        remove_if_unlocked(stale)
    tmp = tempfile.mkdtemp(prefix=FOLDER_PREFIX)
    lock = os.open(os.path.join(tmp, ".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        os.close(lock)


def headless_chromium(exe: str, tmp: str, page: Path, extra: list[str], product: Path, *,
                      timeout: float = 180) -> None:
    """Run headless Chromium on a local page with the network off; raise unless it made ``product``.

    Chromium runs in a new process group, killed whole when it is done or when we are interrupted,
    and told by the kernel to die if we die first.
    """
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-breakpad", "--disable-crash-reporter",
           f"--user-data-dir={tmp}/profile", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           *extra, page.resolve().as_uri()]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": tmp},  # Chromium's own temporary files go in ours
                            start_new_session=True, preexec_fn=_die_with_parent)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{exe} took more than {timeout:g} s making a {product.suffix.lstrip('.')}") from None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # its helpers too
        except ProcessLookupError:
            pass
        proc.wait()
    if not product.exists():
        raise RuntimeError(f"{exe} made no {product.suffix.lstrip('.')} (exit {proc.returncode}): {err[-500:]}")


def _die_with_parent() -> None:
    """In the child, before exec: SIGKILL when the parent dies (Linux; elsewhere nothing)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass

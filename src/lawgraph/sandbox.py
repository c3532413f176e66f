"""What a worker process does to itself at start: die with its parent, cap its memory, drop its network.

Worker processes (the SPARQL endpoint's query workers, the extraction workers of ``build --jobs``) call
these first thing, from their own process:

- :func:`die_with_parent`: when the parent ends, however it ends (``SIGTERM``, ``SIGKILL``, a crash), the
  worker ends too instead of living on under PID 1. On Linux the kernel sends ``SIGKILL``
  (``prctl(PR_SET_PDEATHSIG)``); everywhere a watch thread also checks the parent every half second.
- :func:`cap_memory`: ``RLIMIT_AS`` caps the worker's address space, so a query that would take all the
  machine's memory fails inside its own worker (which the endpoint then replaces).
- :func:`drop_network`: moves the worker into an empty network namespace where it can, so nothing it runs
  can open a connection to another host (a third line behind :mod:`lawgraph.sparql_guard`).

Each is best effort where the platform lacks the mechanism, and says so through its return value.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent", "cap_memory", "drop_network", "address_space_bytes"]

logger = logging.getLogger("lawgraph.sandbox")

_PR_SET_PDEATHSIG = 1
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def die_with_parent(parent_pid: int, *, interval: float = 0.5) -> bool:
    """End this process (``SIGKILL``) as soon as ``parent_pid`` is no longer its parent.

    Parameters
    ----------
    parent_pid : int
        The parent's PID as the parent saw it (``os.getpid()`` there, passed to the worker).
    interval : float
        How often the watch thread looks.

    Returns
    -------
    bool
        Whether the kernel will also send the signal itself (Linux), besides the watch thread.
    """
    kernel = False
    libc = _libc()
    if libc is not None:
        kernel = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    if os.getppid() != parent_pid:  # the parent died before the line above
        os.kill(os.getpid(), signal.SIGKILL)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent_pid:
                os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="lawgraph-parent-watch", daemon=True).start()
    return kernel


def address_space_bytes() -> int | None:
    """This process's current virtual memory size (``VmSize``), where ``/proc`` tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def cap_memory(extra_bytes: int) -> int | None:
    """Cap this process's address space at what it uses now plus ``extra_bytes``.

    Returns the cap in bytes, or None where it cannot be set (no ``resource`` module, no ``/proc``).
    An allocation beyond the cap fails: Python raises :class:`MemoryError`, Rust code (Oxigraph) aborts
    the process.
    """
    try:
        import resource
    except ImportError:
        return None
    current = address_space_bytes()
    if current is None:
        return None
    cap = current + max(0, int(extra_bytes))
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return cap


def drop_network() -> bool:
    """Move this process into a new, empty network namespace; True when it worked.

    As root a network namespace alone; otherwise a user namespace with it, where the kernel allows
    unprivileged ones (call this before the process starts threads). Inside, only a loopback device that
    is down exists: every ``connect`` fails, whatever address it names.
    """
    libc = _libc()
    if libc is None:
        return False
    flags = _CLONE_NEWNET if os.geteuid() == 0 else _CLONE_NEWUSER | _CLONE_NEWNET
    if libc.unshare(flags) == 0:
        return True
    logger.info("no network namespace for this worker: %s", os.strerror(ctypes.get_errno()))
    return False

"""Who gets the next free worker: per-client limits, a fair queue and an express lane for short queries.

Public endpoints keep one client from starving the others with per-client budgets (the Wikidata Query
Service gives each client 60 s of query time per 60 s) and short queues. :class:`FairScheduler` does the
same for the endpoint's worker processes:

- **Per-client concurrency:** a client (one IP address) has at most ``per_client`` queries running or
  waiting; one more gets 429 with ``Retry-After``.
- **Per-client time budget:** a client that used more than ``budget`` seconds of worker time in the last
  ``window`` seconds gets 429, with ``Retry-After`` saying when its budget is back.
- **A fair queue:** waiting queries are served least-used client first, so fifty clients looping queries
  do not push a newcomer back; none waits longer than ``queue_wait`` (then 503 with ``Retry-After``).
- **An express lane:** ``express`` workers only take *known-light* queries: a query whose text (white
  space aside) has run before, typically in ``light_seconds`` or less (the median of its last five runs;
  the last one took at most a second). So two clients
  looping 30-second queries, or fifty looping half-second ones, cannot keep a short query waiting, and
  nobody can put a new, possibly heavy, query on the express lane. A query on an express worker also has a
  shorter time limit (the pool's ``express_timeout``): one whose cost changed is cut once, and its text is
  then no longer light.

The scheduler only hands out opaque worker objects; :mod:`lawgraph.server.pool` runs the queries.

Examples
--------
>>> s = FairScheduler(per_client=1, queue_wait=0.01)
>>> s.add("w1", express=False)
>>> lease = s.acquire("10.0.0.1")
>>> lease.worker
'w1'
>>> s.acquire("10.0.0.1")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lawgraph.server.fairness.Busy: 429: this client already has 1 query running or waiting; send the next ...
>>> s.release(lease, keep=True)
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Busy", "Lease", "FairScheduler"]


class Busy(Exception):
    """The query cannot run now: ``status`` (429 or 503), a message and the seconds to wait."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.retry_after = max(1, int(retry_after))


@dataclass(eq=False)
class Lease:
    """A worker handed to one query of one client."""

    worker: Any
    client: Hashable
    express: bool
    started: float
    key: Hashable = None


@dataclass(eq=False)
class _Ticket:
    client: Hashable
    light: bool
    usage: float
    seq: int
    key: Hashable = None
    lease: Lease | None = None


_KNOWN_QUERIES = 10_000
"""Query texts whose recent run times the scheduler remembers (least recently run forgotten first)."""


@dataclass
class _History:
    ended: deque[tuple[float, float]] = field(default_factory=deque)  # (end time, seconds)
    running: dict[int, float] = field(default_factory=dict)  # id(lease) -> start time


class FairScheduler:
    """Hands idle workers to waiting queries, fairly (see the module docstring).

    Parameters
    ----------
    per_client : int
        Queries one client may have running or waiting at once.
    budget : float
        Seconds of worker time one client may use per ``window``.
    window : float
        The sliding window of ``budget`` and of the light/heavy judgement, in seconds.
    queue_wait : float
        Longest wait for a worker before 503.
    light_seconds : float
        A query text whose last runs each took at most this long is light (may use express workers).
    clock : callable
        Monotonic seconds (replaceable in tests).
    """

    def __init__(
        self,
        *,
        per_client: int = 2,
        budget: float = 120.0,
        window: float = 60.0,
        queue_wait: float = 5.0,
        light_seconds: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_client = per_client
        self.budget = budget
        self.window = window
        self.queue_wait = queue_wait
        self.light_seconds = light_seconds
        self._clock = clock
        self._cond = threading.Condition()
        self._idle: list[Any] = []
        self._express: dict[int, bool] = {}
        self._waiting: list[_Ticket] = []
        self._inflight: Counter[Hashable] = Counter()
        self._history: dict[Hashable, _History] = {}
        self._runs: OrderedDict[Hashable, deque[float]] = OrderedDict()  # query key -> its last run times
        self._seq = 0

    # -- workers
    def add(self, worker: Any, *, express: bool) -> None:
        """Make ``worker`` available (a new one, or a replacement)."""
        with self._cond:
            self._express[id(worker)] = express
            self._idle.append(worker)
            self._cond.notify_all()

    def discard(self, worker: Any) -> None:
        """Forget an idle worker (it is being stopped)."""
        with self._cond:
            if worker in self._idle:
                self._idle.remove(worker)

    def idle_workers(self) -> list[Any]:
        """The workers waiting for a query."""
        with self._cond:
            return list(self._idle)

    # -- clients
    def _prune(self, client: Hashable, now: float) -> _History:
        history = self._history.setdefault(client, _History())
        while history.ended and history.ended[0][0] < now - self.window:
            history.ended.popleft()
        return history

    def usage(self, client: Hashable) -> float:
        """Seconds of worker time ``client`` used in the window, its running queries included."""
        with self._cond:
            return self._usage(client, self._clock())

    def _usage(self, client: Hashable, now: float) -> float:
        history = self._prune(client, now)
        return sum(s for _, s in history.ended) + sum(now - t for t in history.running.values())

    def _light(self, key: Hashable) -> bool:
        runs = self._runs.get(key) if key is not None else None
        if not runs:
            return False
        # its typical run (the median of the last five) is short, and the last one was not long
        typical, last = sorted(runs)[(len(runs) - 1) // 2], runs[-1]  # the lower median
        return typical <= self.light_seconds and last <= max(1.0, 4 * self.light_seconds)

    def is_light(self, key: Hashable) -> bool:
        """Whether the query ``key`` stands for has run before, each recent time within ``light_seconds``."""
        with self._cond:
            return self._light(key)

    def _record_run(self, key: Hashable, seconds: float) -> None:
        if key is None:
            return
        runs = self._runs.pop(key, None) or deque(maxlen=5)
        runs.append(seconds)
        self._runs[key] = runs  # most recently run last
        while len(self._runs) > _KNOWN_QUERIES:
            self._runs.popitem(last=False)

    def _retry_after_budget(self, client: Hashable, now: float) -> float:
        history = self._history[client]
        excess = self._usage(client, now) - self.budget
        for end, seconds in history.ended:  # oldest first: when enough of it has left the window
            excess -= seconds
            if excess < 0:
                return end + self.window - now
        return self.window

    # -- queries
    def _assign(self) -> None:
        """Give idle workers to the best waiting tickets: least-used client first, light ones to express."""
        order = sorted((t for t in self._waiting if t.lease is None), key=lambda t: (t.usage, t.seq))
        now = self._clock()
        for ticket in order:
            if not self._idle:
                return
            main = [w for w in self._idle if not self._express[id(w)]]
            express = [w for w in self._idle if self._express[id(w)]]
            if main:
                worker, is_express = main[0], False
            elif express and ticket.light:
                worker, is_express = express[0], True
            else:
                continue
            self._idle.remove(worker)
            ticket.lease = Lease(
                worker=worker, client=ticket.client, express=is_express, started=now, key=ticket.key
            )
            self._prune(ticket.client, now).running[id(ticket.lease)] = now

    def acquire(self, client: Hashable, key: Hashable = None) -> Lease:
        """Wait (at most ``queue_wait``) for a worker for one query of ``client``.

        ``key`` names the query (a hash of its text): a known-light one may take an express worker.

        Raises
        ------
        Busy
            429 over the client's concurrency or time budget, 503 when no worker was free in time.
        """
        with self._cond:
            now = self._clock()
            if self._inflight[client] >= self.per_client:
                raise Busy(
                    429,
                    f"this client already has {self.per_client} "
                    f"quer{'y' if self.per_client == 1 else 'ies'} running or waiting; "
                    "send the next when one ends",
                    1,
                )
            if self._usage(client, now) >= self.budget:
                raise Busy(
                    429,
                    f"this client used its {self.budget:g} s of query time per {self.window:g} s",
                    math.ceil(self._retry_after_budget(client, now)),
                )
            self._seq += 1
            ticket = _Ticket(client, self._light(key), self._usage(client, now), self._seq, key)
            self._waiting.append(ticket)
            self._inflight[client] += 1
            deadline = time.monotonic() + self.queue_wait  # real time, whatever clock measures usage
            try:
                while True:
                    self._assign()
                    if ticket.lease is not None:
                        self._cond.notify_all()  # others may have been assigned too
                        return ticket.lease
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise Busy(
                            503,
                            f"the endpoint is busy; no worker was free within {self.queue_wait:g} s",
                            math.ceil(self.queue_wait),
                        )
                    self._cond.wait(left)
            except BaseException:
                self._inflight[client] -= 1
                if ticket.lease is not None:  # assigned as we gave up: hand the worker back
                    self._finish(ticket.lease, keep=True)
                raise
            finally:
                self._waiting.remove(ticket)

    def _finish(self, lease: Lease, *, keep: bool, record: bool = False) -> None:
        now = self._clock()
        history = self._prune(lease.client, now)
        history.running.pop(id(lease), None)
        history.ended.append((now, now - lease.started))
        if record:
            self._record_run(lease.key, now - lease.started)
        if keep:
            self._idle.append(lease.worker)
        self._cond.notify_all()

    def release(self, lease: Lease, *, keep: bool) -> None:
        """The query of ``lease`` ended; ``keep`` the worker (False: it was killed and will be replaced).

        Its run time is remembered under the lease's query key, so a query that was cut at a time limit
        is not light the next time.
        """
        with self._cond:
            self._inflight[lease.client] -= 1
            if self._inflight[lease.client] <= 0:
                del self._inflight[lease.client]
            self._finish(lease, keep=keep, record=True)
            self._forget_idle_clients()

    def _forget_idle_clients(self) -> None:
        now = self._clock()
        if len(self._history) < 10_000:
            return
        for client in [c for c, h in self._history.items() if not h.running and c not in self._inflight]:
            if not self._prune(client, now).ended:
                del self._history[client]

"""Running the pipeline on this machine: in this process, or in a pool of worker processes.

Both yield results in input order, one chunk of inputs (`quotegrab.running.work`) at a time, in
constant memory however many inputs there are.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from quotegrab.running.work import (
    DEFAULT_CHUNK,
    Result,
    WorkerCrashed,
    chunks,
    crashed_record,
    process_chunk,
    until_stopped,
    wait_for,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from quotegrab.running.inputs import Article, InputFailure

log = logging.getLogger("quotegrab.running.local")

Work = Callable[[list[Any], bool], list[Result]]


def run_here(
    inputs: Iterable[Article | InputFailure],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    include_text: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[Result]:
    """Results for `inputs` from `nlp` (or `model`, loaded once) in this process."""
    if nlp is None:
        from quotegrab.engine.pipeline import load

        nlp = load(model)
    for chunk in chunks(inputs, chunk_size):
        if should_stop():
            return
        if (yield from until_stopped(process_chunk(nlp, chunk, include_text, should_stop), should_stop)):
            return


# --- worker processes -------------------------------------------------------------------------------

_worker_nlp: Language | None = None


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie not yet reaped by its own parent counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False  # no /proc: the signal test alone


def _start_worker(run_pid: int, poll: float, init: Callable[..., None], *args: Any) -> None:
    """A worker's start: `init(*args)`, and a thread that ends the worker soon after the run `run_pid`
    is gone, even killed outright (SIGKILL, the out-of-memory killer), which runs no clean-up. Without
    it workers sleep on, holding the caller's stderr open: a forkserver's workers are the server's
    children, and the server lives as long as any of them."""

    def watch() -> None:
        while not _gone(run_pid):
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="quotegrab-run-watch", daemon=True).start()
    init(*args)


def _init_worker(model: str | None, debug: bool) -> None:
    # The parent decides how a batch stops (it finishes the current line and reports); a Ctrl-C
    # delivered to the whole process group must not kill workers mid-chunk with tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if debug:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("quotegrab[%(process)d]: %(message)s"))
        running = logging.getLogger("quotegrab.running")
        running.addHandler(handler)
        running.setLevel(logging.DEBUG)
    from quotegrab.engine.pipeline import load

    global _worker_nlp
    _worker_nlp = load(model)


def _work(chunk: list[Article | InputFailure], include_text: bool) -> list[Result]:
    assert _worker_nlp is not None, "worker not initialised"
    return list(process_chunk(_worker_nlp, chunk, include_text))


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean single-threaded server rather than a fork of the CLI
    # process, whose progress-bar thread may hold locks at fork time. The server pre-imports spaCy and
    # quotegrab once so each worker only has to load the model.
    methods = multiprocessing.get_all_start_methods()
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is not None and not os.path.exists(main_file) and "fork" in methods:
        # A script read from stdin (`python - <<EOF`): forkserver and spawn workers would try to
        # re-import it from a file that does not exist, and die; only fork can start them.
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["quotegrab.running.local", "quotegrab.engine.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """A ProcessPoolExecutor that can be replaced after a worker dies, and abandoned without waiting."""

    def __init__(self, jobs: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        self.jobs, self.initializer, self.initargs = jobs, initializer, initargs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=_pool_context(), initializer=_start_worker,
                                   initargs=(os.getpid(), 0.5, self.initializer, *self.initargs))

    def restart(self) -> None:
        self.close(abandon=True)
        self.executor = self._new()

    def close(self, abandon: bool) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=not abandon, cancel_futures=True)
        if abandon:
            # Stopped early (signal, closed output, dead worker): don't wait for in-flight chunks.
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(timeout=5)

    def submit(self, work: Work, chunk: list[Any], include_text: bool) -> Future[list[Result]]:
        """Submit a chunk; a pool found broken at submission (a worker died meanwhile) yields a future
        that fails like the dead worker's, so one recovery path handles both."""
        try:
            return self.executor.submit(work, chunk, include_text)
        except BrokenProcessPool as err:
            failed: Future[list[Result]] = Future()
            failed.set_exception(err)
            return failed


def _ping() -> list[Result]:
    return []


def run_pool(
    inputs: Iterable[Article | InputFailure],
    *,
    model: str | None,
    jobs: int,
    chunk_size: int = DEFAULT_CHUNK,
    include_text: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
    debug: bool = False,
    work: Work = _work,
    init: Callable[..., None] = _init_worker,
) -> Iterator[Result]:
    """Chunks go to `jobs` processes; at most 2*jobs chunks are in flight, and results come back in
    input order, so memory stays constant however many inputs there are.

    A worker that dies takes its chunk with it; those inputs are then retried one per task in a fresh
    pool, so the one that kills a worker alone becomes an error record and the batch goes on.
    """
    pool = _Pool(jobs, init, (model, debug))
    finished = False
    try:
        # Workers that cannot start (the model fails to load in them) are not any input's fault: fail
        # the run, instead of blaming inputs one by one below.
        try:
            if wait_for(pool.executor.submit(_ping), should_stop) is None:
                return
        except BrokenProcessPool as err:
            raise WorkerCrashed(f"worker processes failed to start (model {model!r}): {err}") from err
        finished = yield from _stream(pool, chunks(inputs, chunk_size), work, include_text, should_stop)
    finally:
        pool.close(abandon=not finished)


def _stream(
    pool: _Pool, chunked: Iterator[list[Any]], work: Work, include_text: bool, should_stop: Callable[[], bool]
) -> Generator[Result, None, bool]:
    """Results of `chunked` from the pool, in order; returns whether all were done (not stopped)."""
    window: deque[tuple[list[Any], Future[list[Result]]]] = deque()
    while True:
        while len(window) < 2 * pool.jobs and not should_stop():
            chunk = next(chunked, None)
            if chunk is None:
                break
            window.append((chunk, pool.submit(work, chunk, include_text)))
        if not window:
            return True
        try:
            results = wait_for(window[0][1], should_stop)
        except BrokenProcessPool:
            pending = [item for chunk, _ in window for item in chunk]
            window.clear()
            pool.restart()
            if not (yield from _one_by_one(pool, pending, work, include_text, should_stop)):
                return False
            continue
        if results is None:
            return False
        window.popleft()
        if (yield from until_stopped(results, should_stop)):
            return False


def _one_by_one(
    pool: _Pool, items: list[Any], work: Work, include_text: bool, should_stop: Callable[[], bool]
) -> Generator[Result, None, bool]:
    """Results for the inputs of chunks lost with a dead worker, each alone, so only the one that kills
    a worker becomes an error record; returns whether all were done (not stopped)."""
    for item in items:
        try:
            single = wait_for(pool.executor.submit(work, [item], include_text), should_stop)
        except BrokenProcessPool:
            log.debug("worker died on %s", item.source)
            pool.restart()
            single = [crashed_record(item.source)]
        if single is None:
            return False
        yield from single
    return True

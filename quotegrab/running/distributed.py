"""Running quotegrab on a Dask cluster: what `quotegrab.running.batch.run` uses for `--scheduler`, and
`extract_bag` for pipelines already written with dask.bag.

Dask is an optional extra (`pip install 'quotegrab[dask]'`); this module imports it only inside the
functions that need it, so `import quotegrab.running.distributed` works, and costs nothing, without it.

What a cluster needs: quotegrab (and the spaCy model) installed on every worker, and the inputs
readable by the workers under the same names as on the client (a shared file system), since workers
read single-article files themselves. The client lists folders and reads standard input and the
multi-article formats (JSON, JSON Lines) itself, streaming their records to the workers; that keeps
`--resume` bookkeeping, which needs every source, on the client.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quotegrab.running.inputs import DEFAULT_MAX_BYTES, Article, InputFailure, display_source, format_for
from quotegrab.running.work import DEFAULT_CHUNK, Result, chunks, crashed_record, process_chunk, until_stopped, wait_for

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client, Future
    from spacy.language import Language

log = logging.getLogger("quotegrab.running.distributed")

INSTALL_HINT = "pip install 'quotegrab[dask]'"
# How long to wait for a scheduler without workers (a cluster still starting, or scaling up from zero)
# before giving up with a message rather than hanging.
WORKER_WAIT = 60.0
# How often the window size follows workers joining or leaving; an RPC to the scheduler each time.
RESIZE_EVERY = 5.0
# Formats that hold exactly one article per file: workers read these themselves. JSON and JSON Lines
# files may hold any number of records whose sources the client must know for --resume.
_WORKER_READ = ("text", "html")


class DaskUnavailable(ImportError):
    """dask or distributed is not installed."""


class SchedulerSpecError(ValueError):
    """A --scheduler value that is neither an address nor local[:N]."""


class ClusterError(RuntimeError):
    """The cluster cannot do the work: unreachable, no workers, or workers that cannot run quotegrab."""


def require() -> None:
    """Raises `DaskUnavailable`, with the install command, when the `dask` extra is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise DaskUnavailable(f"running on a Dask cluster needs dask and distributed: {INSTALL_HINT}") from err


def parse_scheduler(spec: str) -> tuple[str | None, int | None]:
    """`(address, None)` for a scheduler address, `(None, n)` for `local:N` (`local`: one worker per CPU)."""
    spec = spec.strip()
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise SchedulerSpecError(f"--scheduler {spec!r}: local:N needs a positive number of workers")
        return None, int(count)
    if "://" in spec and spec.split("://", 1)[1]:
        return spec, None
    raise SchedulerSpecError(
        f"--scheduler {spec!r}: give the scheduler's address (tcp://HOST:8786) or local:N for N local "
        "worker processes"
    )


# --- inputs: the client lists, the workers read ----------------------------------------------------


@dataclass(frozen=True)
class FileRef:
    """A single-article file for a worker to read.

    It has a `source` like the article it stands for, so skipping done sources (--resume) and the output
    file works on it unchanged, and no `to_record`, so batch code never mistakes it for a failure.
    """

    source: str
    path: str
    """Absolute: workers do not share the client's working directory."""
    walked: bool
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None


def iter_refs(
    paths: Iterable[str],
    glob: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    follow: bool = False,
) -> Iterator[Article | InputFailure | FileRef]:
    """What `quotegrab.running.inputs.iter_inputs` yields, in the same order, except that each single-article
    file (text, HTML) is a `FileRef` for a worker to read instead of being read here."""
    from quotegrab.running import inputs

    seen_dirs: set[str] = set()
    for path in paths:
        if path == "-" or path.lower().startswith(("http://", "https://")):
            # Read here: standard input and fetched pages exist only in this process.
            yield from inputs.iter_inputs([path], max_bytes=max_bytes, encoding=encoding)
            continue
        try:
            st = os.stat(path)
        except OSError as err:
            yield inputs.stat_failure(path, err, given=True)
            continue
        if stat.S_ISDIR(st.st_mode):
            for item in inputs.walk(path, glob, seen_dirs, follow=follow):
                if isinstance(item, InputFailure):
                    yield item
                else:
                    yield from _ref_or_read(item, walked=True, max_bytes=max_bytes, encoding=encoding)
        elif stat.S_ISREG(st.st_mode):
            yield from _ref_or_read(path, walked=False, max_bytes=max_bytes, encoding=encoding)
        else:
            # A named pipe or device (`<(zcat ...)`) exists only on this machine.
            yield from inputs.read_file(path, max_bytes=max_bytes, encoding=encoding)


def _ref_or_read(
    path: str, *, walked: bool, max_bytes: int, encoding: str | None
) -> Iterator[Article | InputFailure | FileRef]:
    from quotegrab.running.inputs import read_file

    if format_for(path) in _WORKER_READ:
        yield FileRef(display_source(path), os.path.abspath(path), walked, max_bytes, encoding)
    else:
        yield from read_file(path, max_bytes=max_bytes, encoding=encoding, walked=walked)


def _read(ref: FileRef) -> list[Article | InputFailure]:
    """The article (or failure) in `ref`, named by the path the client was given, not the absolute one."""
    from quotegrab.running.inputs import read_file, show

    read_as = display_source(ref.path)
    items: list[Article | InputFailure] = []
    for item in read_file(ref.path, max_bytes=ref.max_bytes, encoding=ref.encoding, walked=ref.walked):
        if item.source == read_as and read_as != ref.source:
            if isinstance(item, InputFailure):
                shown = show(read_as)
                message = item.message
                if message.startswith(shown):
                    message = show(ref.source) + message[len(shown):]
                item = InputFailure(ref.source, item.type, message)
            else:
                item.source = ref.source
        items.append(item)
    return items


# --- worker side -----------------------------------------------------------------------------------

# One pipeline per worker process, used by one task at a time: a worker started with several threads
# would otherwise load it concurrently, and spaCy gains nothing from threads under the GIL.
_pipeline_lock = threading.Lock()


def _pipeline(model: str | None) -> Language:
    from quotegrab.engine.pipeline import default_model, load

    # load() is cached per process, so each worker loads the model once; by name, so that None and the
    # default's name (the CLI resolves it) do not load it twice.
    return load(model or default_model())


def _process(items: list[Article | InputFailure], model: str | None, include_text: bool) -> list[Result]:
    with _pipeline_lock:
        return list(process_chunk(_pipeline(model), items, include_text))


def _warm(model: str | None) -> int:
    with _pipeline_lock:
        _pipeline(model)
    return os.getpid()


def work(chunk: list[Article | InputFailure | FileRef], model: str | None, include_text: bool) -> list[Result]:
    """One task: read the chunk's files, then results for the chunk in order (nlp.pipe batches)."""
    items: list[Article | InputFailure] = []
    for item in chunk:
        if isinstance(item, FileRef):
            items.extend(_read(item))
        else:
            items.append(item)
    return _process(items, model, include_text)


# --- client side -----------------------------------------------------------------------------------


def connect(scheduler: str, *, debug: bool = False) -> tuple[Client, Any]:
    """A client of `scheduler`, and the LocalCluster started for `local:N` (None for an address)."""
    require()
    from distributed import Client, LocalCluster

    address, count = parse_scheduler(scheduler)
    cluster = None
    if count is not None:
        # Processes, one thread each: the pipeline is CPU-bound Python. No dashboard: it needs bokeh and
        # a free port, and a run of the CLI is not watched there. Dask's own logs stay quiet unless
        # --debug: what matters (a worker dying on an input) is an error record already.
        cluster = LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.WARNING if debug else logging.CRITICAL,
        )
        address = cluster.scheduler_address
    assert address is not None
    try:
        client = Client(address, set_as_default=False)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    if cluster is not None:
        try:
            # Registered plugins also run in workers that replace dead ones.
            client.register_plugin(_ignore_interrupts_plugin())
        except BaseException:
            client.close()
            cluster.close()
            raise
    return client, cluster


def _ignore_interrupts_plugin() -> Any:
    """A worker plugin by which the workers of a cluster started here ignore SIGINT.

    Ctrl-C reaches the whole process group, these workers included; the CLI decides how a run stops
    (it finishes the current document and closes the cluster), so the workers must not die on it with a
    traceback each. Only for clusters started here: other people's workers are left alone.
    """
    from distributed import WorkerPlugin

    # Defined here so that importing this module never imports distributed; sent to the workers by value.
    class IgnoreInterrupts(WorkerPlugin):
        name = "quotegrab-ignore-sigint"

        def setup(self, worker: Any) -> None:
            import signal

            # Plugins run on the worker's event loop, in its main thread; if not, signals stay as they are.
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return IgnoreInterrupts()


def _threads(client: Client) -> int:
    return sum(info.get("nthreads", 1) for info in client.scheduler_info()["workers"].values())


def _warm_up(client: Client, model: str | None, workers: int) -> None:
    """Every worker loads the model now, in parallel; a model or quotegrab missing on the workers fails
    the run here, with one message, rather than every chunk later."""
    try:
        client.wait_for_workers(workers, timeout=WORKER_WAIT)
    except TimeoutError:
        if not client.scheduler_info()["workers"]:
            raise ClusterError(
                f"the Dask scheduler has no workers (waited {WORKER_WAIT:.0f} s); start some with "
                "`dask worker SCHEDULER_ADDRESS --nthreads 1`"
            ) from None
    addresses = list(client.scheduler_info()["workers"])
    # Pinned to each worker but allowed elsewhere, so a worker leaving meanwhile cannot strand its task.
    futures = [client.submit(_warm, model, workers=[address], allow_other_workers=True, pure=False)
               for address in addresses]
    try:
        client.gather(futures)
    except Exception as err:
        raise ClusterError(
            f"the Dask workers cannot run quotegrab with model {model!r}: {type(err).__name__}: {err}; "
            "install quotegrab and the model on every worker"
        ) from err


def _one_by_one(
    client: Client, chunk: list[Any], model: str | None, include_text: bool, should_stop: Callable[[], bool]
) -> list[Result] | None:
    """Results for a chunk whose task kept killing workers: each input alone, so only the one that
    kills a worker becomes an error record.

    One at a time: tasks queued on a worker when it dies count as suspects too, so singles submitted
    together could blame an innocent input that shared the poisoned one's worker.
    """
    from distributed import KilledWorker

    results: list[Result] = []
    for item in chunk:
        future = client.submit(work, [item], model, include_text, pure=False)
        try:
            single = wait_for(future, should_stop)
        except KilledWorker:
            log.debug("worker died on %s", item.source)
            single = [crashed_record(item.source)]
        finally:
            if not future.done():
                client.cancel([future])
        if single is None:
            return None
        results.extend(single)
    return results


def run_on_cluster(
    inputs: Iterable[Article | InputFailure | FileRef],
    *,
    scheduler: str,
    model: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    include_text: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
    debug: bool = False,
) -> Iterator[Result]:
    """Results for `inputs`, in input order, computed by the workers of `scheduler` (an address, or
    `local:N`), as `quotegrab.running.batch.run` computes them locally.

    Chunks of `chunk_size` inputs are tasks; at most two per worker thread are in flight, so memory
    stays constant. A worker that dies loses nothing: Dask reruns its tasks, and the results it held,
    elsewhere. A chunk that kills workers repeatedly is redone one input per task.
    """
    started = time.monotonic()
    client, cluster = connect(scheduler, debug=debug)
    log.debug("connected to %s in %.1f s", client.scheduler.address, time.monotonic() - started)
    window: deque[tuple[list[Any], Future]] = deque()
    try:
        _warm_up(client, model, 1 if cluster is None else len(cluster.workers))
        log.debug("%d workers, %d threads, model loaded, after %.1f s", len(client.scheduler_info()["workers"]),
                  _threads(client), time.monotonic() - started)
        yield from _stream(client, inputs, window, model=model, chunk_size=chunk_size,
                           include_text=include_text, should_stop=should_stop)
    finally:
        # Stopped early or failed: in-flight chunks are of no use to anyone. A lost scheduler must not
        # hide the error that ended the run behind one about cancelling.
        with contextlib.suppress(Exception):
            if window:
                client.cancel([future for _, future in window])
        window.clear()
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(
    client: Client,
    inputs: Iterable[Any],
    window: deque[tuple[list[Any], Future]],
    *,
    model: str | None,
    chunk_size: int,
    include_text: bool,
    should_stop: Callable[[], bool],
) -> Iterator[Result]:
    from distributed import KilledWorker

    chunked = chunks(inputs, chunk_size)
    slots = max(2, 2 * _threads(client))
    resized = time.monotonic()
    while True:
        if time.monotonic() - resized > RESIZE_EVERY:
            slots = max(2, 2 * _threads(client))
            resized = time.monotonic()
        while len(window) < slots and not should_stop():
            chunk = next(chunked, None)
            if chunk is None:
                break
            # pure=False: a random key, as hashing every article's text for a key would cost more than
            # the deduplication could ever save.
            window.append((chunk, client.submit(work, chunk, model, include_text, pure=False)))
        if not window:
            return
        chunk, future = window[0]
        try:
            results = wait_for(future, should_stop)
        except KilledWorker:
            log.debug("a chunk starting at %s killed workers; retrying its inputs one by one", chunk[0].source)
            results = _one_by_one(client, chunk, model, include_text, should_stop)
        except Exception as err:
            # process_chunk turns every input's exception into an error record, so anything else is the
            # cluster's (a worker without quotegrab, a serialisation failure), not an input's.
            raise ClusterError(f"a Dask task failed: {type(err).__name__}: {err}") from err
        if results is None:
            return
        window.popleft()
        if (yield from until_stopped(results, should_stop)):
            return


# --- dask.bag API ----------------------------------------------------------------------------------

BAG_SOURCE = "<text>"


def _bag_input(record: Any) -> Article | InputFailure:
    if isinstance(record, str):
        text, source, metadata = record, BAG_SOURCE, {}
    elif isinstance(record, dict):
        name = record.get("source", record.get("id"))
        source = str(name) if name is not None and str(name).strip() else BAG_SOURCE
        text = record.get("text")
        metadata = {k: v for k, v in record.items() if k not in ("text", "source")}
        if not isinstance(text, str):
            problem = "has no" if text is None else "has a non-string"
            return InputFailure(source, "bad_record", f'{source}: record {problem} "text" field; give the '
                                "article as a string")
    else:
        return InputFailure(BAG_SOURCE, "bad_record", f"a bag element is a {type(record).__name__}; give "
                            'a str, or a dict with a "text" field')
    if not text.strip():
        return InputFailure(source, "empty", f"{source}: holds only whitespace; nothing to extract")
    return Article(source, text, metadata)


def extract_partition(
    records: Iterable[Any], model: str | None = None, include_text: bool = False
) -> list[dict[str, Any]]:
    """Document dicts (or error record dicts) for one partition of texts or records, in order."""
    items = [_bag_input(record) for record in records]
    return [result.model_dump() for result in _process(items, model, include_text)]


def extract_bag(bag: Bag, model: str | None = None, *, include_text: bool = False) -> Bag:
    """A bag of quotegrab documents (`Document.model_dump()` dicts) for a bag of articles.

    Each element is a text (str; its source is "<text>") or a record: a dict with `text`, and optional
    `source` (else `id`, else "<text>") and any other fields, which are carried into the document's
    `metadata`. An element that cannot be processed becomes an error record dict
    (`{"source": ..., "error": {"type": ..., "message": ...}}`), so the output has one element per input
    element, in the same partitions and order (`bag.zip` pairs them back up).

    Each partition runs through `nlp.pipe` in one task, loading the pipeline once per worker process.
    Any dask scheduler will do: distributed is only needed for a cluster.
    """
    return bag.map_partitions(extract_partition, model, include_text)

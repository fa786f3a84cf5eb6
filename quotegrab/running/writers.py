"""Output formats for `quotegrab extract` and `quotegrab speakers`, and the files they go to.

Every writer takes contract objects (`Document`, `ErrorRecord`, `SpeakerSummary`) one at a time and
writes to a text stream it is given; none of them looks at stdout, a terminal or a console itself, so
the CLI alone decides where things go. Writers that can stream (jsonl, json, csv, table) write each
item as soon as they get it and keep nothing but a one-item look-ahead; html needs all documents and
says so.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from pydantic import BaseModel

from quotegrab.engine.contract import (
    Cue,
    Document,
    ErrorInfo,
    ErrorRecord,
    Quote,
    Speaker,
    SpeakerRef,
    SpeakerSummary,
)

Item = Document | ErrorRecord
Format = Literal["table", "json", "jsonl", "csv", "html"]
FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv", "html")
SPEAKER_FORMATS: tuple[str, ...] = ("table", "json", "csv")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
                  ".html": "html", ".htm": "html", ".txt": "table"}


class Writer(Protocol):
    def write(self, item: Any) -> None: ...

    def close(self) -> None: ...


def _field(model: type[BaseModel], name: str, header: str | None = None) -> str:
    """The column for `model.name`, checked against the contract, so a renamed field breaks here and
    not in users' files."""
    if name not in model.model_fields and not isinstance(getattr(model, name, None), property):
        raise AttributeError(f"{model.__name__} has no field {name!r}")
    return header or name


# CSV columns are contract fields; where two models share a field name (Quote.id / Speaker.id,
# Quote.text / Cue.text) the less central one is prefixed with its role, so headers stay unambiguous.
QUOTE_COLUMNS: tuple[str, ...] = (
    _field(Document, "source"),
    _field(Quote, "id", "quote_id"),
    _field(Quote, "type"),
    _field(SpeakerRef, "name", "speaker"),
    _field(Speaker, "kind", "speaker_kind"),
    _field(Cue, "text", "cue"),
    _field(Cue, "phrase", "cue_phrase"),
    _field(Quote, "negated"),
    _field(Quote, "text"),
    _field(Quote, "start"),
    _field(Quote, "end"),
    _field(ErrorInfo, "type", "error_type"),
    _field(ErrorInfo, "message", "error_message"),
)
SPEAKER_COLUMNS: tuple[str, ...] = tuple(SpeakerSummary.model_fields)


def quote_rows(item: Item) -> Iterator[list[Any]]:
    """CSV rows for one result: one per quote; an error record is one row with the error columns."""
    if isinstance(item, ErrorRecord):
        yield [item.source, "", "", "", "", "", "", "", "", "", "", item.error.type, item.error.message]
        return
    for quote in item.quotes:
        ref = quote.speaker
        speaker = item.speaker(ref.id) if ref else None
        yield [
            item.source,
            quote.id,
            quote.type,
            ref.name if ref else "",
            speaker.kind if speaker else "",
            quote.cue.text if quote.cue else "",
            quote.cue.phrase if quote.cue else "",
            "true" if quote.negated else "false",
            quote.text,
            quote.start if quote.spans else "",
            quote.end if quote.spans else "",
            "",
            "",
        ]


def _cue_cell(quote: Quote) -> Any:
    """The cue as a reader must see it: "did not say" reads as not said, in red."""
    from rich.text import Text

    if quote.cue is None:
        return Text("")
    return Text(quote.cue.phrase, style="bold red" if quote.negated else "")


class JsonlWriter:
    """One JSON object per line, flushed per document so a reader or a killed run sees whole lines."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, item: BaseModel) -> None:
        self.stream.write(item.model_dump_json() + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """One object when the run produced one result, else an array, streamed element by element.

    Whether it is one or several is only known at the second result, so the first is held back.
    """

    def __init__(self, stream: TextIO, *, always_array: bool = False) -> None:
        self.stream = stream
        self.always_array = always_array
        self.count = 0
        self._held: BaseModel | None = None

    def write(self, item: BaseModel) -> None:
        self.count += 1
        if self.count == 1 and not self.always_array:
            self._held = item
            return
        if self._held is not None:
            self.stream.write("[\n" + self._held.model_dump_json(indent=2))
            self._held = None
        self.stream.write(("[\n" if self.count == 1 else ",\n") + item.model_dump_json(indent=2))
        self.stream.flush()

    def close(self) -> None:
        if self._held is not None:
            self.stream.write(self._held.model_dump_json(indent=2) + "\n")
        elif self.count == 0:
            self.stream.write("[]\n")
        else:
            self.stream.write("\n]\n")
        self.stream.flush()


class CsvWriter:
    """Rows from `rows(item)` under `header`; the header is written even when there are no rows."""

    def __init__(
        self,
        stream: TextIO,
        header: Sequence[str] = QUOTE_COLUMNS,
        rows: Callable[[Any], Iterator[list[Any]]] = quote_rows,
    ) -> None:
        self.stream = stream
        self.rows = rows
        self.csv = csv.writer(stream, lineterminator="\n")
        self.csv.writerow(header)

    def write(self, item: Any) -> None:
        self.csv.writerows(self.rows(item))
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class TableWriter:
    """Human-readable Rich tables, one per document, printed as each document completes."""

    def __init__(self, stream: TextIO, *, color: bool | None = None, width: int | None = None,
                 console: Any = None, rules: bool = False) -> None:
        """With `console` (a Rich console the caller shares with its messages and progress on one
        terminal) tables are printed through it, and failures are left to the messages, which already
        show each one once."""
        from rich.console import Console

        from quotegrab.running.color import color_wanted

        self.errors = console is None
        self.rules = rules  # a column saying which rule found each claim (-v)
        color = color_wanted() if color is None else color
        # No colour means no escape codes at all (Rich's own no_color still writes bold and dim).
        self.console = console or Console(
            file=stream, force_terminal=color, no_color=color is False, width=width, highlight=False,
            color_system=None if color is False else "auto",
        )

    def write(self, item: Item) -> None:
        from rich.table import Table
        from rich.text import Text

        if isinstance(item, ErrorRecord):
            if self.errors:
                # Input failures already name their input; engine exceptions do not.
                message = item.error.message
                named = message.startswith(item.source)
                self.console.print(
                    Text.assemble(*(() if named else ((item.source, "bold"), ": ")), message,
                                  (f" [{item.error.type}]", "bold red")),
                    soft_wrap=True,
                )
            return
        if not item.quotes:
            self.console.print(Text.assemble((item.source, "bold"), (": no quotes found", "dim")),
                               soft_wrap=True)
            return
        # The source on a line of its own, never folded, so it can be searched and copied whole.
        self.console.print(Text(item.source, style="bold"), soft_wrap=True)
        table = Table(show_lines=False, expand=False)
        table.add_column("Speaker", style="bold cyan", overflow="fold", max_width=28)
        table.add_column("Type", style="magenta")
        table.add_column("Quote", overflow="fold", ratio=1)
        table.add_column("Cue", style="green", overflow="fold", max_width=20)
        if self.rules:
            table.add_column("Rule", style="dim", overflow="fold", max_width=18)
        for quote in item.quotes:
            cells = [
                Text(quote.speaker.name) if quote.speaker else Text("?", style="dim"),
                quote.type,
                Text(quote.text),
                _cue_cell(quote),
            ]
            table.add_row(*cells, *([Text(quote.rule or "")] if self.rules else []))
        self.console.print(table)

    def close(self) -> None:
        self.console.file.flush()


class SpeakerTableWriter(TableWriter):
    """All `SpeakerSummary` rows in one table; they arrive already aggregated."""

    def __init__(self, stream: TextIO, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        from rich.table import Table

        self.table = Table(show_lines=False)
        self.table.add_column("Speaker", style="bold cyan", overflow="fold")
        self.table.add_column("Kind")
        for column in ("direct", "mixed", "indirect", "total"):
            self.table.add_column(column.capitalize(), justify="right")
        self.table.add_column("Articles", overflow="fold")

    def write(self, item: SpeakerSummary) -> None:  # type: ignore[override]
        from rich.text import Text

        # Text, not str: names and paths from articles must not be read as Rich markup ("[b]").
        self.table.add_row(Text(item.name), item.kind, str(item.direct), str(item.mixed),
                           str(item.indirect), str(item.total), Text(", ".join(item.articles)))

    def close(self) -> None:
        self.console.print(self.table)
        super().close()


def speaker_row(item: SpeakerSummary) -> Iterator[list[Any]]:
    values = item.model_dump()
    values["articles"] = "|".join(item.articles)
    yield [values[column] for column in SPEAKER_COLUMNS]


class HtmlWriter:
    """Collects every result and hands them to `quotegrab.running.report.render_html` at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.items: list[Item] = []

    def write(self, item: Item) -> None:
        self.items.append(item)

    def close(self) -> None:
        from quotegrab.running.report import render_html  # type: ignore[import-not-found,unused-ignore]

        self.stream.write(render_html(self.items))
        self.stream.flush()


def html_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("quotegrab.running.report") is not None


def make_writer(
    fmt: str, stream: TextIO, *, color: bool | None = None, console: Any = None, rules: bool = False
) -> Writer:
    """The writer for `fmt` (one of FORMATS) writing to `stream` (a table: through `console` if given,
    see `TableWriter`)."""
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "json":
        return JsonWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(stream, color=color, console=console, rules=rules)
    if fmt == "html":
        return HtmlWriter(stream)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def make_speaker_writer(fmt: str, stream: TextIO, *, color: bool | None = None) -> Writer:
    if fmt == "json":
        return JsonWriter(stream, always_array=True)
    if fmt == "csv":
        return CsvWriter(stream, SPEAKER_COLUMNS, speaker_row)
    if fmt == "table":
        return SpeakerTableWriter(stream, color=color)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(SPEAKER_FORMATS)}")


def format_for_path(path: Path) -> str | None:
    return SUFFIX_FORMATS.get(path.suffix.lower())


class AtomicFile:
    """A text file written under a temporary name in the target's folder and renamed into place.

    Readers of `path` see the old content or the complete new content, never a half-written file;
    the rename is atomic because source and target are on the same filesystem.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        self.tmp = Path(tmp)
        self.stream: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        # mkstemp creates files readable by the owner only; give the result the usual umask mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()


def open_append(path: Path) -> TextIO:
    """`path` opened for appending whole lines: a torn last line (a run killed mid-write) is cut off."""
    if path.exists():
        with path.open("rb+") as raw:
            data_end = raw.seek(0, os.SEEK_END)
            if data_end:
                # Walk back to the last newline; everything after it is an incomplete line.
                block = 65536
                pos = data_end
                keep = 0
                while pos > 0:
                    start = max(0, pos - block)
                    raw.seek(start)
                    chunk = raw.read(pos - start)
                    newline = chunk.rfind(b"\n")
                    if newline != -1:
                        keep = start + newline + 1
                        break
                    pos = start
                if keep != data_end:
                    raw.truncate(keep)
    return path.open("a", encoding="utf-8", newline="")


def completed_sources(path: Path) -> set[str]:
    """Sources with a document or an error record in a JSONL output file (unparsable lines ignored)."""
    done: set[str] = set()
    if not path.exists():
        return done
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.endswith("\n"):
                break  # a torn last line: that source was not finished
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), str):
                done.add(record["source"])
    return done


def _parts(path: Path) -> list[Path]:
    """The hidden `.NAME.….part` files beside `path` (see `AtomicFile`), oldest first."""
    import glob as globbing

    folder = path.parent if str(path.parent) else Path(".")
    found = folder.glob(f".{globbing.escape(path.name)}.*.part")
    return sorted(found, key=lambda part: part.stat().st_mtime_ns)


def take_up_parts(path: Path) -> int:
    """Appends to `path` the whole records of the `.part` files that runs killed outright (SIGKILL, a
    crash) left beside it, less those whose source `path` already has, and removes those files; the
    number of records taken up. Only for a caller holding the `OutputLock` of `path`."""
    from quotegrab.running.batch import source_key

    parts = _parts(path)
    if not parts:
        return 0
    done = {source_key(source) for source in completed_sources(path)}
    taken = 0
    with open_append(path) as out:
        for part in parts:
            with part.open(encoding="utf-8", errors="replace") as lines:
                for line in lines:
                    source = _record_source(line)
                    if source is not None and source_key(source) not in done:
                        out.write(line)
                        done.add(source_key(source))
                        taken += 1
        out.flush()
        os.fsync(out.fileno())
    for part in parts:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return taken


def _record_source(line: str) -> str | None:
    """The source of one whole JSONL record, or None (a torn or foreign line)."""
    if not line.endswith("\n"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    source = record.get("source") if isinstance(record, dict) else None
    return source if isinstance(source, str) else None


class OutputBusy(RuntimeError):
    """Another run is writing the same output file (for the CLI, a usage error)."""


class OutputLock:
    """An exclusive lock on an output file, held by one run at a time: `.NAME.lock` beside it, locked
    with flock and holding the owner's pid, removed on release (a lock left by a killed run is free,
    since the kernel drops its flock). Without flock (not POSIX) it locks nothing."""

    def __init__(self, path: Path) -> None:
        folder = path.parent if str(path.parent) else Path(".")
        self.path = folder / f".{path.name}.lock"
        self.fd: int | None = None
        try:
            import fcntl
        except ImportError:
            return
        while self.fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                raise OutputBusy(f"{path} is being written by another quotegrab run"
                                 f"{f' (pid {owner})' if owner.isdigit() else ''}; wait for it to end, "
                                 "or choose another --output") from None
            try:
                current = os.stat(self.path).st_ino
            except FileNotFoundError:
                current = None
            if current != os.fstat(fd).st_ino:
                os.close(fd)  # the previous owner removed it while we waited: lock the new one
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            os.close(self.fd)
            self.fd = None


class Output:
    """Where results go: stdout, an atomically replaced file, or (resume) a file appended to.

    A file is locked for the run (`OutputLock`): a second run on it is refused at once. Resuming, the
    records of `.part` files left by runs killed outright are taken up first, and `done` holds the
    sources already in the file. As a context manager it finishes on leaving, committing what was
    written if `ok` was set.
    """

    def __init__(self, path: Path | None, *, append: bool = False) -> None:
        self.path = path
        self.ok = False
        self.atomic: AtomicFile | None = None
        self.lock: OutputLock | None = None
        self.done: set[str] = set()
        if path is None:
            self.stream: TextIO = sys.stdout
            return
        self.lock = OutputLock(path)
        try:
            if append:
                take_up_parts(path)
                self.done = completed_sources(path)
                self.stream = open_append(path)
            else:
                self.atomic = AtomicFile(path)
                self.stream = self.atomic.stream
        except BaseException:
            self.lock.release()
            raise

    def finish(self, ok: bool) -> None:
        """Commit what was written (ok) or leave any previous file untouched (not ok)."""
        try:
            self._finish(ok)
        finally:
            if self.lock is not None:
                self.lock.release()

    def _finish(self, ok: bool) -> None:
        if self.atomic is not None:
            if ok:
                self.atomic.commit()
                # What runs killed before this one left is now out of date.
                for part in _parts(self.atomic.path):
                    with contextlib.suppress(FileNotFoundError):
                        part.unlink()
            else:
                self.atomic.discard()
        elif self.path is not None:
            self.stream.close()
        else:
            with contextlib.suppress(BrokenPipeError):
                self.stream.flush()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish(self.ok)

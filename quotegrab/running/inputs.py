"""Finding and reading articles: files, folders and standard input; plain text, HTML, JSON and JSON Lines;
any common encoding. Every input becomes either an `Article` or an `InputFailure`, never an exception, so a
batch run can report one bad file and carry on with the rest.

Offsets produced downstream index `Article.text` exactly as decoded here: bytes are decoded without any
newline translation, and only a byte-order mark is removed.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fnmatch
import json
import logging
import os
import re
import shlex
import stat
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from quotegrab.engine.contract import ErrorInfo, ErrorRecord

DEFAULT_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN_SOURCE = "<stdin>"

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
FORMATS = ("text", "html", "json", "jsonl")

# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that do not occur in text files; tab, newlines, form feed and escape do.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SAMPLE = 65536
_HTML_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
log = logging.getLogger("quotegrab.inputs")
# The libraries that read pages log their doubts (trafilatura: "discarding data", htmldate: dates it
# cannot parse); they are kept for --debug, never printed as Python's bare last-resort messages.
_QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6])\b", re.IGNORECASE)


@dataclass
class Article:
    """One text to extract from."""

    source: str
    """The path as given or found, "<stdin>", or "path#N" / "path#id" for a record of a JSON(L) file."""
    text: str
    """Decoded text, exactly as decoded: quote offsets index this string."""
    metadata: dict[str, Any] = field(default_factory=dict)
    """Carried-through fields: id, url, title, date, ... plus `encoding` and `format`."""


@dataclass
class InputFailure:
    """An input that could not be turned into an `Article`, and why."""

    source: str
    type: str
    """Stable code: not_found, unreadable, not_a_file, binary, empty, encoding, too_large, bad_json,
    bad_record, symlink_loop, duplicate, unsupported_format (a PDF, Word, OpenDocument, image or archive),
    and for addresses http_error and unreachable."""
    message: str
    """One line naming the input and saying what to do about it."""

    def to_record(self) -> ErrorRecord:
        return ErrorRecord(source=self.source, error=ErrorInfo(type=self.type, message=self.message))


class DecodeError(Exception):
    """Bytes that are not usable text; `type` is the `InputFailure` code."""

    def __init__(self, type: str, message: str) -> None:
        super().__init__(message)
        self.type = type
        self.message = message


def iter_inputs(
    paths: Iterable[str],
    glob: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    stdin_format: str = "auto",
    follow: bool = False,
) -> Iterator[Article | InputFailure]:
    """Every article in `paths`, in input order, read lazily one file at a time.

    `paths` holds files, folders (walked recursively in sorted order), http(s):// addresses of article pages
    and "-" for standard input. As in ripgrep and fd, a linked folder inside a folder is walked only with
    `follow`; linked files are read.
    Folders yield the files whose names match `glob` (e.g. "*.txt"), or by default those with one of
    `DEFAULT_EXTENSIONS`; hidden files and folders (".name") are skipped there. Named files are always read,
    whatever their extension. A file's format follows its extension: .html/.htm via trafilatura, .json and
    .jsonl one article per record, anything else plain text. `encoding` forces a codec instead of detection.
    `stdin_format` is "auto" (sniff HTML/JSON/JSONL, else text) or one of `FORMATS`.
    """
    if stdin_format != "auto" and stdin_format not in FORMATS:
        raise ValueError(f"stdin_format must be 'auto' or one of {FORMATS}, not {stdin_format!r}")
    # Real paths of every folder walked so far: a folder reached twice (a loop, or two links to it) is
    # walked once, so the walk always terminates and never yields the same article twice.
    seen_dirs: set[str] = set()
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin, max_bytes=max_bytes, encoding=encoding, fmt=stdin_format)
            continue
        if path.lower().startswith(("http://", "https://")):
            yield from read_url(path, max_bytes=max_bytes, encoding=encoding)
            continue
        try:
            st = os.stat(path)
        except OSError as err:
            yield stat_failure(path, err, given=True)
            continue
        if stat.S_ISDIR(st.st_mode):
            for item in walk(path, glob, seen_dirs, follow=follow):
                if isinstance(item, InputFailure):
                    yield item
                else:
                    yield from read_file(item, max_bytes=max_bytes, encoding=encoding, walked=True)
        else:
            yield from read_file(path, max_bytes=max_bytes, encoding=encoding)


def read_file(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    fmt: str | None = None,
    walked: bool = False,
) -> Iterator[Article | InputFailure]:
    """The articles in one file (several for JSON and JSON Lines), or why it could not be read."""
    source = display_source(path)
    fmt = fmt or format_for(path)
    try:
        with _open(path, walked) as fh:
            st = os.fstat(fh.fileno())
            if walked and not stat.S_ISREG(st.st_mode):
                # Replaced by a pipe or device since the folder was listed: never wait on it.
                yield _not_a_file(path)
                return
            if fmt == "jsonl":
                # The limit bounds each record, not the file: a corpus of small records may be any size.
                yield from _read_jsonl(fh, source, max_bytes=max_bytes, encoding=encoding)
                return
            if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                yield _too_large(source, st.st_size, max_bytes)
                return
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        yield InputFailure(
            source,
            "not_found",
            f"{show(source)}: "
            + (
                "was deleted after its folder was listed; re-run once the folder stops changing"
                if walked
                else "no such file; check the path"
            ),
        )
        return
    except OSError as err:
        yield _os_failure(source, err)
        return
    if len(data) > max_bytes:
        yield _too_large(source, None, max_bytes)
        return
    yield from parse_bytes(data, source, fmt, encoding=encoding)


def read_url(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> Iterator[
    Article | InputFailure
]:
    """The article on the page at an http(s):// address, or why it could not be fetched or read."""
    from quotegrab.running import web

    try:
        page = web.fetch(url, max_bytes=max_bytes)
    except web.FetchError as err:
        yield InputFailure(url, err.type, f"{show(url)}: {err.message}")
        return
    if len(page.data) > max_bytes:
        yield _too_large(url, None, max_bytes)
        return
    for item in parse_bytes(page.data, url, page.fmt, encoding=encoding or page.charset):
        if isinstance(item, Article):
            item.metadata.setdefault("url", page.url)
        yield item


def _open(path: str, walked: bool) -> BinaryIO:
    if not walked:
        return open(path, "rb")  # a pipe named on the command line is read, waiting for its writer
    # A file found in a folder may have become a FIFO since it was listed: opening one without
    # O_NONBLOCK would wait for a writer that may never come.
    return os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")


def parse_bytes(
    data: bytes, source: str, fmt: str = "text", *, encoding: str | None = None
) -> Iterator[Article | InputFailure]:
    """The articles in `data` read as `fmt` ("text", "html", "json" or "jsonl"; "auto" sniffs)."""
    document = document_format(data, source)
    if document is not None:
        yield InputFailure(source, "unsupported_format", f"{show(source)}: {document}")
        return
    try:
        text, used = decode_bytes(data, encoding)
    except DecodeError as err:
        yield InputFailure(source, err.type, f"{show(source)}: {err.message}")
        return
    if fmt == "auto":
        fmt = _sniff(text)
    base: dict[str, Any] = {"encoding": used, "format": fmt}
    if fmt == "html":
        yield _html_article(text, source, base)
    elif fmt == "json":
        yield from _json_articles(text, source, base)
    elif fmt == "jsonl":
        yield from _jsonl_articles(enumerate(text.split("\n"), start=1), source, base)
    else:
        yield _text_article(text, source, base)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """`data` as text and the codec that decoded it; raises `DecodeError` for binary or undecodable bytes.

    A byte-order mark decides the codec and is dropped; otherwise strict UTF-8, then charset-normalizer.
    Newlines are left exactly as they are.
    """
    if not data:
        raise DecodeError("empty", "is empty; nothing to extract")
    if encoding is not None:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except (LookupError, UnicodeDecodeError) as err:
            raise DecodeError(
                "encoding", f"cannot be decoded as {encoding} ({err}); give the file's real encoding"
            ) from err
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                # These codecs consume the mark themselves, so offsets start after it.
                return _text_or_binary(data.decode(codec)), codec
            except UnicodeDecodeError as err:
                raise DecodeError(
                    "encoding", f"starts with a {codec} byte-order mark but is not valid {codec}; re-save it"
                ) from err
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise DecodeError("binary", "looks like a binary file (NUL bytes), not text; pass a text article")
    try:
        return _text_or_binary(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(
            "binary", "is not text in any encoding quotegrab can detect; pass a text file, or --encoding"
        )
    codec = best.encoding
    # On Western European text charset-normalizer often ties cp1252 with cp1250, cp1257 or cp775 and picks
    # one of those (turning "è" into "č"); English news is overwhelmingly cp1252/latin-1, so cp1252 wins
    # whenever it decodes the bytes at least as cleanly as the detected codec.
    if codec != "cp1252":
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None:
            from charset_normalizer.md import mess_ratio

            # A sample, as charset-normalizer itself uses: the ratio is computed a character at a time.
            if mess_ratio(western[: 2 * _BINARY_SAMPLE], 1.0) <= best.chaos + 0.01:
                codec = "cp1252"
    try:
        return _text_or_binary(data.decode(codec)), codec
    except (LookupError, UnicodeDecodeError) as err:
        raise DecodeError("encoding", f"could not be decoded ({codec}: {err}); re-save it as UTF-8") from err


def _text_or_binary(text: str) -> str:
    sample = text[:_BINARY_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        raise DecodeError("binary", "is mostly control characters, not text; pass a text article")
    return text


def format_for(path: str) -> str:
    """The input format implied by a file name: "html", "json", "jsonl" or "text"."""
    ext = os.path.splitext(path)[1].lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    return "text"


def display_source(path: str) -> str:
    """`path` as a `source` string that any output can encode: undecodable name bytes become escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def show(source: str) -> str:
    # Messages are one line even for names holding newlines or other control characters.
    if source.isprintable():
        return source
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in source)


# --- folders -------------------------------------------------------------------------------------------


def walk(root: str, glob: str | None, seen: set[str], *, follow: bool = False) -> Iterator[str | InputFailure]:
    """Paths of the matching files under `root`, depth first in sorted name order, listed one folder at
    a time so that a folder of many thousands of files is never read ahead.

    As ripgrep and fd do, a symbolic link to a folder is walked only with `follow` (`root` itself always
    is), so a link back up (`up -> ..`) or out of the tree never takes the walk elsewhere; with `follow`,
    a folder reached twice is walked once. Links to files are read (a git-annex or DVC corpus is made of
    them). Pipes, sockets and devices are reported, never opened."""
    real = os.path.realpath(root)
    names = _open_folder(root, real, seen, [])
    if isinstance(names, InputFailure):
        yield names
        return
    # One (folder, its real path, remaining names) frame per open folder: iterative, so deep trees cannot
    # exhaust the recursion limit.
    stack: list[tuple[str, str, Iterator[str]]] = [(root, real, names)]
    while stack:
        folder, _, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError as err:
            if _matches(name, glob) or err.errno == errno.ELOOP:
                yield stat_failure(path, err, given=False)
            continue
        if stat.S_ISDIR(st.st_mode):
            if not follow and os.path.islink(path):
                log.debug("%s: a link to a folder; not followed (--follow walks it)", show(display_source(path)))
                continue
            sub_real = os.path.realpath(path)
            sub = _open_folder(path, sub_real, seen, [frame[1] for frame in stack])
            if isinstance(sub, InputFailure):
                yield sub
            else:
                stack.append((path, sub_real, sub))
        elif _matches(name, glob):
            yield path if stat.S_ISREG(st.st_mode) else _not_a_file(path)


def _open_folder(path: str, real: str, seen: set[str], ancestors: list[str]) -> Iterator[str] | InputFailure:
    """The names in a folder not walked before (`real` is its real path), or why it is skipped."""
    if real in seen:
        return _dir_seen_failure(path, real, ancestors)
    seen.add(real)
    listing = _list(path)
    return listing if isinstance(listing, InputFailure) else iter(listing)


def _not_a_file(path: str) -> InputFailure:
    source = display_source(path)
    return InputFailure(
        source,
        "not_a_file",
        f"{show(source)}: is a device, pipe or socket, not a file; skipped (name it explicitly to read it)",
    )


def _list(folder: str) -> list[str] | InputFailure:
    try:
        return sorted(os.listdir(folder))
    except FileNotFoundError:
        source = display_source(folder)
        return InputFailure(
            source,
            "not_found",
            f"{show(source)}: folder was deleted while being read; re-run once it stops changing",
        )
    except OSError as err:
        return _os_failure(display_source(folder), err, what="folder")


def _matches(name: str, glob: str | None) -> bool:
    if glob is not None:
        return fnmatch.fnmatch(name, glob)
    return name.lower().endswith(DEFAULT_EXTENSIONS)


def _dir_seen_failure(path: str, real: str, ancestors: list[str]) -> InputFailure:
    source = display_source(path)
    if real in ancestors:
        return InputFailure(
            source,
            "symlink_loop",
            f"{show(source)}: links back to a folder that contains it ({show(display_source(real))}); "
            "skipped so the walk ends",
        )
    return InputFailure(
        source,
        "duplicate",
        f"{show(source)}: is the same folder as one already read ({show(display_source(real))}); "
        "skipped so no article is read twice",
    )


# --- failures --------------------------------------------------------------------------------------------


def stat_failure(path: str, err: OSError, *, given: bool) -> InputFailure:
    source = display_source(path)
    if err.errno == errno.ELOOP:
        return InputFailure(
            source,
            "symlink_loop",
            f"{show(source)}: symbolic links loop and never reach a file; fix or remove the link",
        )
    if isinstance(err, FileNotFoundError):
        if os.path.islink(path):
            message = "is a broken symbolic link; fix or remove the link"
        elif given:
            message = "no such file or folder; check the path"
        else:
            message = "was deleted after its folder was listed; re-run once the folder stops changing"
        return InputFailure(source, "not_found", f"{show(source)}: {message}")
    return _os_failure(source, err)


def _os_failure(source: str, err: OSError, what: str = "file") -> InputFailure:
    reason = err.strerror or type(err).__name__
    if isinstance(err, PermissionError):
        hint = "check its permissions"
    elif isinstance(err, IsADirectoryError):
        hint = "it became a folder while being read; re-run"
    else:
        hint = "check the file and the disk"
    return InputFailure(source, "unreadable", f"{show(source)}: cannot read this {what} ({reason}); {hint}")


def _too_large(source: str, size: int | None, max_bytes: int) -> InputFailure:
    actual = f"is {size:,} bytes" if size is not None else "is larger than that"
    return InputFailure(
        source,
        "too_large",
        f"{show(source)}: {actual}, over the {max_bytes:,}-byte limit; split it or raise the size limit",
    )


# --- formats ---------------------------------------------------------------------------------------------


def _sniff(text: str) -> str:
    if _HTML_START.match(text):
        return "html"
    head = text.lstrip()
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            pass
        if head.startswith("{"):
            try:
                return "jsonl" if isinstance(json.loads(head.split("\n", 1)[0]), dict) else "text"
            except ValueError:
                pass
    return "text"


_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OFFICE_ZIPS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "a Word document (.docx)"),
    (b"xl/", "an Excel spreadsheet (.xlsx)"),
    (b"ppt/", "a PowerPoint presentation (.pptx)"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file (.odt)"),
    (b"content.xml", "an OpenDocument file (.odt)"),
)


def document_format(data: bytes, source: str) -> str | None:
    """What to say about `data` when its first bytes show a format that is not text (a PDF, an office
    document, an image, an archive): the format and how to get the text out; None for anything else."""
    name = shlex.quote(source) if source != STDIN_SOURCE else "FILE"
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return f"a PDF document, not text: extract its text first (pdftotext {name})"
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            return f"an image ({kind}), not text: OCR it first (tesseract {name} out; then read out.txt)"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return f"an image (WebP), not text: OCR it first (tesseract {name} out; then read out.txt)"
    if head.startswith(b"PK\x03\x04"):
        sample = data[:_BINARY_SAMPLE]
        for marker, kind in _OFFICE_ZIPS:
            if marker in sample:
                return f"{kind}, not text: save it as plain text, or: pandoc {name} -t plain -o out.txt"
        return f"a ZIP archive, not text: unpack it first (unzip {name}) and read the files in it"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old Microsoft Office document (.doc), not text: save it as plain text"
    if head.startswith(b"{\\rtf"):
        return f"an RTF document, not plain text: save it as plain text, or: pandoc {name} -t plain -o out.txt"
    if head.startswith(b"\x1f\x8b"):
        return f"gzip-compressed, not text: decompress it first (zcat {name} | quotegrab extract -)"
    return None


def _text_article(text: str, source: str, metadata: dict[str, Any]) -> Article | InputFailure:
    if not text.strip():
        return InputFailure(source, "empty", f"{show(source)}: holds only whitespace; nothing to extract")
    return Article(source, text, metadata)


def _html_article(html: str, source: str, metadata: dict[str, Any]) -> Article | InputFailure:
    import trafilatura

    text = ""
    found = None
    if html.strip():
        # trafilatura rejects a bare fragment ("<p>...</p>") as not being a page: give it one.
        page = html if _HTML_PAGE.search(html) else f"<html><body>{html}</body></html>"
        with _library_warnings(source):
            # Comments under a news story are not the story; the article body, tables included, is.
            found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
            text = (found.text or "") if found is not None else ""
            if not text.strip():
                # Too little markup for trafilatura's main-content heuristics (a short page): fall back to
                # all of the page's visible text.
                text = trafilatura.html2txt(page) or ""
    if not text.strip():
        return InputFailure(
            source, "empty", f"{show(source)}: no article text found in this HTML; check the page's content"
        )
    meta = dict(metadata)
    if found is not None:
        for key in ("title", "date", "author", "url", "sitename", "description"):
            value = getattr(found, key, None)
            if isinstance(value, str) and value.strip():
                meta[key] = value
    return Article(source, text, meta)


class _ToDebug(logging.Handler):
    """Hands a library's log records to quotegrab's logger at DEBUG: shown with --debug, else silent."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("%s: %s", record.name, record.getMessage())


_TO_DEBUG = _ToDebug()


@contextlib.contextmanager
def _library_warnings(source: str) -> Iterator[None]:
    """Python warnings and log messages of the page readers while reading `source`, kept at DEBUG."""
    for name in _QUIET_LIBRARIES:
        library = logging.getLogger(name)
        if _TO_DEBUG not in library.handlers:
            library.addHandler(_TO_DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        log.debug("%s: %s: %s", show(source), warning.category.__name__, warning.message)


def _record_source(source: str, record: Any, number: int) -> str:
    if isinstance(record, dict):
        rid = record.get("id")
        if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip():
            return f"{source}#{rid}"
    return f"{source}#{number}"


def _record_article(
    record: Any, source: str, metadata: dict[str, Any], number: int, unit: str = "record"
) -> Article | InputFailure:
    if not isinstance(record, dict):
        return InputFailure(
            source,
            "bad_record",
            f"{show(source)}: {unit} {number} is a JSON {type(record).__name__}, not an object; "
            'make each record an object with a "text" field',
        )
    text = record.get("text")
    if not isinstance(text, str):
        problem = "has no" if text is None else "has a non-string"
        return InputFailure(
            source,
            "bad_record",
            f'{show(source)}: {unit} {number} {problem} "text" field; give it the article as a string',
        )
    if not text.strip():
        return InputFailure(
            source, "empty", f'{show(source)}: {unit} {number} has an empty "text"; nothing to extract'
        )
    # The record's own fields win over what quotegrab adds, so carried data is never overwritten.
    meta = {**metadata, "record": number, **{k: v for k, v in record.items() if k != "text"}}
    return Article(source, text, meta)


def _json_articles(text: str, source: str, metadata: dict[str, Any]) -> Iterator[Article | InputFailure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputFailure(
            source,
            "bad_json",
            f"{show(source)}: invalid JSON ({err.msg} at line {err.lineno}, column {err.colno}); fix it, or "
            "use .jsonl for one record per line",
        )
        return
    except ValueError as err:
        yield InputFailure(source, "bad_json", f"{show(source)}: invalid JSON ({err}); fix it")
        return
    if isinstance(data, dict):
        article = _record_article(data, source, metadata, 1)
        if isinstance(article, Article):
            del article.metadata["record"]
        yield article
        return
    if not isinstance(data, list):
        yield InputFailure(
            source,
            "bad_json",
            f'{show(source)}: holds a JSON {type(data).__name__}; expected an object with a "text" field '
            "or an array of them",
        )
        return
    if not data:
        yield InputFailure(source, "empty", f"{show(source)}: is an empty JSON array; nothing to extract")
        return
    for number, record in enumerate(data, start=1):
        yield _record_article(record, _record_source(source, record, number), metadata, number)


def _jsonl_articles(
    lines: Iterable[tuple[int, str | InputFailure]], source: str, metadata: dict[str, Any]
) -> Iterator[Article | InputFailure]:
    any_record = False
    for number, line in lines:
        if isinstance(line, InputFailure):
            any_record = True
            yield line
            continue
        if not line.strip():
            continue
        any_record = True
        try:
            record = json.loads(line)
        except ValueError as err:
            msg = err.msg if isinstance(err, json.JSONDecodeError) else str(err)
            yield InputFailure(
                f"{source}#{number}",
                "bad_record",
                f"{show(source)}: line {number} is not valid JSON ({msg}); fix or remove that line",
            )
            continue
        yield _record_article(record, _record_source(source, record, number), metadata, number, "line")
    if not any_record:
        yield InputFailure(source, "empty", f"{show(source)}: holds no records; nothing to extract")


def _read_jsonl(
    fh: BinaryIO, source: str, *, max_bytes: int, encoding: str | None
) -> Iterator[Article | InputFailure]:
    # JSON Lines is streamed a line at a time so that a large corpus file costs one record of memory.
    # The format is UTF-8 by definition; a file with a UTF-16/32 mark, or a forced encoding, is decoded
    # whole instead (it is already within max_bytes).
    head = fh.read(4)
    if encoding is not None or any(head.startswith(bom) for bom, codec in _BOMS if codec != "utf-8-sig"):
        data = head + fh.read(max_bytes + 1 - len(head))
        if len(data) > max_bytes:
            yield _too_large(source, None, max_bytes)
            return
        yield from parse_bytes(data, source, "jsonl", encoding=encoding)
        return
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    base: dict[str, Any] = {"encoding": "utf-8", "format": "jsonl"}

    def lines() -> Iterator[tuple[int, str | InputFailure]]:
        number = 0
        first = head
        while True:
            raw = first + fh.readline(max_bytes + 1)
            first = b""
            if not raw:
                return
            number += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                # Skip the rest of the oversized line without holding it: the next record starts after it.
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield number, _too_large(f"{source}#{number}", None, max_bytes)
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield (
                    number,
                    InputFailure(
                        f"{source}#{number}",
                        "encoding",
                        f"{show(source)}: line {number} is not valid UTF-8 ({err.reason}); "
                        "JSON Lines must be UTF-8, re-save the file as UTF-8",
                    ),
                )

    yield from _jsonl_articles(lines(), source, base)


def _read_stdin(
    stdin: BinaryIO | None, *, max_bytes: int, encoding: str | None, fmt: str
) -> Iterator[Article | InputFailure]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(max_bytes + 1)
    except OSError as err:
        yield _os_failure(STDIN_SOURCE, err, what="stream")
        return
    if len(data) > max_bytes:
        yield _too_large(STDIN_SOURCE, None, max_bytes)
        return
    yield from parse_bytes(data, STDIN_SOURCE, fmt, encoding=encoding)

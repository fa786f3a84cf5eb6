"""The inputs layer: discovery, formats, encodings and every way an input can fail."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from quotegrab.engine.contract import ErrorRecord
from quotegrab.running import inputs
from quotegrab.running.inputs import Article, InputFailure, iter_inputs

QUOTE = '"We will win," Smith said on Tuesday.'

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Senator vows victory</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body>
<nav><a href="/">Home</a> | <a href="/about">About us</a> | <a href="/contact">Contact</a></nav>
<article>
<h1>Senator vows victory</h1>
<p>"We will win," Smith said on Tuesday in a long speech to supporters gathered in the town hall.</p>
<p>The crowd cheered as the senator finished, and many people waved flags and banners around the hall
while the band played for nearly an hour after the speech had ended.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


def items(paths: list[str], **kwargs: Any) -> list[Article | InputFailure]:
    return list(iter_inputs(paths, **kwargs))


def one(paths: list[str], **kwargs: Any) -> Article | InputFailure:
    found = items(paths, **kwargs)
    assert len(found) == 1, found
    return found[0]


def article(paths: list[str], **kwargs: Any) -> Article:
    item = one(paths, **kwargs)
    assert isinstance(item, Article), item
    return item


def failure(paths: list[str], type: str, **kwargs: Any) -> InputFailure:
    item = one(paths, **kwargs)
    assert isinstance(item, InputFailure), item
    assert item.type == type, item
    assert "\n" not in item.message and "\r" not in item.message
    return item


def write(path: Path, data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


# --- formats ---------------------------------------------------------------------------------------------


def test_plain_text_is_read_verbatim(tmp_path: Path) -> None:
    text = f"Headline\n\n{QUOTE}\n"
    got = article([write(tmp_path / "a.txt", text)])
    assert got.source == str(tmp_path / "a.txt")
    assert got.text == text
    assert got.metadata == {"encoding": "utf-8", "format": "text"}


def test_markdown_and_unknown_extensions_are_text(tmp_path: Path) -> None:
    md = article([write(tmp_path / "a.md", "# Title\n\n" + QUOTE)])
    assert md.text == "# Title\n\n" + QUOTE and md.metadata["format"] == "text"
    # A named file is read whatever its extension.
    other = article([write(tmp_path / "story.article", QUOTE)])
    assert other.text == QUOTE and other.metadata["format"] == "text"


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    got = article([write(tmp_path / "a.html", ARTICLE_HTML)])
    assert '"We will win," Smith said on Tuesday' in got.text
    assert "band played" in got.text
    assert "About us" not in got.text and "Copyright" not in got.text
    assert got.metadata["title"] == "Senator vows victory"
    assert got.metadata["date"] == "2024-03-05"
    assert got.metadata["format"] == "html"


def test_html_fragment_falls_back_to_all_text(tmp_path: Path) -> None:
    got = article([write(tmp_path / "a.htm", f"<p>{QUOTE}</p>")])
    assert got.text.strip() == QUOTE


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    got = failure([write(tmp_path / "a.html", "<html><body>\n</body></html>")], "empty")
    assert "a.html" in got.message


def test_jsonl_records_carry_fields_and_bad_records_do_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "url": "https://example.com/a", "title": "A", "text": QUOTE}),
        "",
        json.dumps({"id": "a2", "title": "no text here"}),
        "{not json",
        json.dumps({"text": 42}),
        json.dumps(["text"]),
        json.dumps({"text": "Second story.\r\n", "date": "2024-01-01"}),
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    got = items([path])
    assert [(g.source, type(g).__name__, getattr(g, "type", None)) for g in got] == [
        (f"{path}#a1", "Article", None),
        (f"{path}#a2", "InputFailure", "bad_record"),
        (f"{path}#4", "InputFailure", "bad_record"),
        (f"{path}#5", "InputFailure", "bad_record"),
        (f"{path}#6", "InputFailure", "bad_record"),
        (f"{path}#7", "Article", None),
    ]
    first, last = got[0], got[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.text == QUOTE
    assert first.metadata == {
        "encoding": "utf-8",
        "format": "jsonl",
        "record": 1,
        "id": "a1",
        "url": "https://example.com/a",
        "title": "A",
    }
    assert last.text == "Second story.\r\n" and last.metadata["date"] == "2024-01-01"
    assert "line 4" in got[2].message and 'line 3 has no "text"' in got[1].message


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = write(
        tmp_path / "a.json",
        json.dumps([{"id": 7, "text": QUOTE, "title": "T"}, {"title": "missing"}, {"text": "Other."}]),
    )
    got = items([array])
    assert [g.source for g in got] == [f"{array}#7", f"{array}#2", f"{array}#3"]
    assert isinstance(got[0], Article) and got[0].text == QUOTE and got[0].metadata["title"] == "T"
    assert isinstance(got[1], InputFailure) and got[1].type == "bad_record"
    assert isinstance(got[2], Article) and got[2].text == "Other."

    single = write(tmp_path / "b.json", json.dumps({"text": QUOTE, "url": "u"}))
    got_single = article([single])
    assert got_single.source == single
    assert got_single.metadata == {"encoding": "utf-8", "format": "json", "url": "u"}


def test_invalid_json_file(tmp_path: Path) -> None:
    got = failure([write(tmp_path / "a.json", '[{"text": "x"},')], "bad_json")
    assert "line 1" in got.message
    failure([write(tmp_path / "b.json", '"just a string"')], "bad_json")
    failure([write(tmp_path / "c.json", "[]")], "empty")


def test_jsonl_streaming_limits_apply_per_line(tmp_path: Path) -> None:
    long_text = "x" * 500
    path = write(
        tmp_path / "a.jsonl",
        b'{"text": "short one"}\n'
        + json.dumps({"text": long_text}).encode()
        + b"\n"
        + b'{"text": "caf\xe9"}\n'
        + b'{"text": "after"}',
    )
    got = items([path], max_bytes=100)
    assert [(g.source, getattr(g, "type", "article")) for g in got] == [
        (f"{path}#1", "article"),
        (f"{path}#2", "too_large"),
        (f"{path}#3", "encoding"),
        (f"{path}#4", "article"),
    ]
    assert isinstance(got[3], Article) and got[3].text == "after"


def test_jsonl_utf8_bom_and_utf16(tmp_path: Path) -> None:
    body = '{"id": "x", "text": "Caf\u00e9 \u201cquote\u201d"}\r\n'
    for name, data in [
        ("bom.jsonl", b"\xef\xbb\xbf" + body.encode("utf-8")),
        ("u16.jsonl", body.encode("utf-16")),
    ]:
        got = article([write(tmp_path / name, data)])
        assert got.text == "Caf\u00e9 \u201cquote\u201d"
        assert got.metadata["id"] == "x"


# --- encodings and line endings --------------------------------------------------------------------------


def test_utf8_bom_is_stripped_and_offsets_follow(tmp_path: Path) -> None:
    text = "Caf\u00e9 news\r\n" + QUOTE
    got = article([write(tmp_path / "a.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))])
    assert got.text == text
    assert got.metadata["encoding"] == "utf-8-sig"
    start = got.text.index("Smith")
    assert got.text[start : start + 5] == "Smith" and start == len("Caf\u00e9 news\r\n") + 15


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "\u201cWe will win,\u201d M\u00fcller said.\n"
    got = article([write(tmp_path / "a.txt", "\ufeff".encode(codec) + text.encode(codec))])
    assert got.text == text
    assert got.metadata["encoding"] == "utf-16"


@pytest.mark.parametrize(
    "codec, text",
    [
        (
            "cp1252",
            "The caf\u00e9\u2019s owner said \u201cit\u2019s na\u00efve\u201d, according to Zo\u00eb.\r\n",
        ),
        ("latin-1", "Caf\u00e9 cr\u00e8me, se\u00f1or Mu\u00f1oz said on Tuesday, was tr\u00e8s bien.\n"),
    ],
)
def test_legacy_western_encodings_are_detected(tmp_path: Path, codec: str, text: str) -> None:
    got = article([write(tmp_path / "a.txt", (text * 5).encode(codec))])
    assert got.text == text * 5
    assert got.metadata["encoding"] == "cp1252"


def test_other_legacy_encodings_are_detected(tmp_path: Path) -> None:
    text = "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u0441\u043a\u0430\u0437\u0430\u043b: \u00ab\u041c\u044b \u043f\u043e\u0431\u0435\u0434\u0438\u043c\u00bb, \u2014 \u0437\u0430\u044f\u0432\u0438\u043b \u043e\u043d.\n"  # noqa: E501
    got = article([write(tmp_path / "a.txt", (text * 3).encode("cp1251"))])
    assert got.text == text * 3
    assert got.metadata["encoding"] == "cp1251"


def test_forced_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\u00e9t\u00e9".encode("latin-1"))
    got = article([path], encoding="latin-1")
    assert got.text == "\u00e9t\u00e9" and got.metadata["encoding"] == "iso8859-1"
    assert "utf-8" in failure([path], "encoding", encoding="utf-8").message


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_preserved(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Headline", "", QUOTE, "More text."]) + newline
    got = article([write(tmp_path / "a.txt", text)])
    assert got.text == text
    start = got.text.index('"We')
    assert got.text[start : start + len(QUOTE)] == QUOTE
    assert start == len("Headline") + 2 * len(newline)


# --- failures --------------------------------------------------------------------------------------------


def test_binary_files(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    got = failure([write(tmp_path / "image.txt", png)], "unsupported_format")  # known by its bytes
    assert "image.txt: an image (PNG), not text" in got.message
    controls = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 65]) * 200
    failure([write(tmp_path / "controls.txt", controls)], "binary")


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    failure([write(tmp_path / "a.txt", b"")], "empty")
    failure([write(tmp_path / "b.txt", " \r\n\t\n ")], "empty")
    failure([write(tmp_path / "c.txt", b"\xef\xbb\xbf\n")], "empty")


def test_too_large_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", "x" * 2000)
    got = failure([path], "too_large", max_bytes=1000)
    assert "2,000 bytes" in got.message and "1,000" in got.message
    assert article([path], max_bytes=2000).text == "x" * 2000


def test_not_found(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    got = failure([missing], "not_found")
    assert missing in got.message and "check the path" in got.message


def test_unreadable_file_via_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reads: make open() refuse this one path instead.
    locked = write(tmp_path / "locked.txt", QUOTE)
    fine = write(tmp_path / "fine.txt", QUOTE)
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", locked)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", guarded_open, raising=False)
    got = items([locked, fine])
    assert isinstance(got[0], InputFailure) and got[0].type == "unreadable"
    assert "Permission denied" in got[0].message and "permissions" in got[0].message
    assert isinstance(got[1], Article) and got[1].text == QUOTE


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files despite chmod")
def test_unreadable_file_via_chmod(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", QUOTE)
    os.chmod(path, 0)
    try:
        failure([path], "unreadable")
    finally:
        os.chmod(path, 0o644)


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked / "a.txt", QUOTE)
    write(tmp_path / "b.txt", QUOTE)
    real_listdir = os.listdir

    def guarded_listdir(path: Any = ".") -> list[str]:
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(locked))
        return real_listdir(path)

    monkeypatch.setattr(inputs.os, "listdir", guarded_listdir)
    got = items([str(tmp_path)])
    assert [(g.source, getattr(g, "type", "article")) for g in got] == [
        (str(tmp_path / "b.txt"), "article"),
        (str(locked), "unreadable"),
    ]


def test_file_vanishing_after_listing(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, f"Story {name}.")
    stream = iter_inputs([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, Article) and first.text == "Story a.txt."
    # The folder is already listed; b.txt disappears before its turn comes.
    (tmp_path / "b.txt").unlink()
    rest = list(stream)
    assert isinstance(rest[0], InputFailure) and rest[0].type == "not_found"
    assert rest[0].source == str(tmp_path / "b.txt") and "deleted" in rest[0].message
    assert isinstance(rest[1], Article) and rest[1].text == "Story c.txt."


def test_symlink_loops_and_duplicate_folders(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "other").mkdir()
    write(root / "a.txt", "A.")
    write(root / "sub" / "b.txt", "B.")
    write(root / "other" / "c.txt", "C.")
    os.symlink(root, root / "sub" / "up")  # a loop back to an ancestor
    os.symlink(root / "other", root / "zlink")  # a second way into a folder already walked
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    os.symlink("gone.txt", root / "broken.txt")  # a link to nothing
    # As in ripgrep and fd, linked folders inside the folder are left alone unless followed.
    plain = [(os.path.relpath(g.source, root), getattr(g, "type", "article")) for g in items([str(root)])]
    assert plain == [
        ("a.txt", "article"),
        ("broken.txt", "not_found"),
        ("other/c.txt", "article"),
        ("self.txt", "symlink_loop"),
        ("sub/b.txt", "article"),
    ]
    got = items([str(root)], follow=True)
    summary = [(os.path.relpath(g.source, root), getattr(g, "type", "article")) for g in got]
    assert summary == [
        ("a.txt", "article"),
        ("broken.txt", "not_found"),
        ("other/c.txt", "article"),
        ("self.txt", "symlink_loop"),
        ("sub/b.txt", "article"),
        ("sub/up", "symlink_loop"),
        ("zlink", "duplicate"),
    ]
    assert "broken symbolic link" in got[1].message  # type: ignore[union-attr]


def test_symlink_loop_given_directly(tmp_path: Path) -> None:
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    failure([str(tmp_path / "loop")], "symlink_loop")


def test_odd_file_names(tmp_path: Path) -> None:
    names = ["with space.txt", "\u00fcn\u00efc\u00f8d\u00e9 \u2013 \u8a18\u4e8b.txt", "new\nline.txt"]
    for name in names:
        write(tmp_path / name, f"Story: {name!r}")
    raw_name = os.fsencode(str(tmp_path)) + b"/bad\xff.txt"
    try:
        with open(raw_name, "wb") as fh:
            fh.write(QUOTE.encode())
    except OSError:
        # Some file systems (APFS, most Windows ones) only accept names that are valid Unicode.
        raw_name = b""
    got = items([str(tmp_path)])
    assert all(isinstance(g, Article) for g in got), got
    by_source = {g.source: g for g in got if isinstance(g, Article)}
    for name in names:
        assert by_source[str(tmp_path / name)].text == f"Story: {name!r}"
    # An undecodable name becomes a printable, encodable source; the file is still read.
    if raw_name:
        odd = by_source[str(tmp_path) + "/bad\\xff.txt"]
        assert odd.text == QUOTE
        assert len(got) == len(names) + 1
    # Failures about odd names keep messages on one line and serialise cleanly.
    os.remove(tmp_path / "new\nline.txt")
    gone = failure([str(tmp_path / "new\nline.txt")], "not_found")
    assert "new\\nline.txt" in gone.message
    assert json.loads(gone.to_record().model_dump_json())["source"].endswith("new\nline.txt")


def test_ten_thousand_small_files(tmp_path: Path) -> None:
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_bytes(b"Story.")
    count = 0
    first = last = None
    for item in iter_inputs([str(tmp_path)]):
        assert isinstance(item, Article)
        first = first or item.source
        last = item.source
        count += 1
    assert count == 10_000
    assert first == str(tmp_path / "00000.txt") and last == str(tmp_path / "09999.txt")


# --- discovery -------------------------------------------------------------------------------------------


def test_folder_walk_default_extensions_glob_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / ".hidden").mkdir(parents=True)
    for name in ("a.txt", "a.TXT", "b.md", "c.html", "d.csv", "e.png", ".secret.txt"):
        write(tmp_path / name, f"<p>{name} text.</p>" if name.endswith("html") else f"{name} text.")
    write(tmp_path / "b" / "z.jsonl", json.dumps({"text": "record"}) + "\n")
    write(tmp_path / "b" / ".hidden" / "h.txt", "hidden")
    found = [os.path.relpath(g.source, tmp_path) for g in items([str(tmp_path)])]
    assert found == ["a.TXT", "a.txt", "b/z.jsonl#1", "b.md", "c.html"]
    only_txt = [os.path.relpath(g.source, tmp_path) for g in items([str(tmp_path)], glob="*.txt")]
    assert only_txt == ["a.txt"]
    csv = [os.path.relpath(g.source, tmp_path) for g in items([str(tmp_path)], glob="*.csv")]
    assert csv == ["d.csv"]


def test_inputs_keep_the_order_given(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    write(tmp_path / "dir" / "x.txt", "X.")
    write(tmp_path / "dir" / "y.txt", "Y.")
    z = write(tmp_path / "z.txt", "Z.")
    a = write(tmp_path / "a.txt", "A.")
    got = items([z, str(tmp_path / "dir"), a])
    assert [g.text for g in got if isinstance(g, Article)] == ["Z.", "X.", "Y.", "A."]


def test_stdin_stream(tmp_path: Path) -> None:
    text = "Line one\r\n" + QUOTE
    got = article(["-"], stdin=io.BytesIO(text.encode("cp1252") * 3))
    assert got.source == "<stdin>" and got.text == text * 3


def test_stdin_default_is_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfHello\r\n")))
    got = article(["-"])
    assert got.text == "Hello\r\n" and got.metadata["encoding"] == "utf-8-sig"


def test_stdin_formats_are_sniffed_or_given() -> None:
    html = article(["-"], stdin=io.BytesIO(ARTICLE_HTML.encode()))
    assert html.metadata["format"] == "html" and html.metadata["title"] == "Senator vows victory"
    lines = items(["-"], stdin=io.BytesIO(b'{"id": 1, "text": "One."}\n{"id": 2, "text": "Two."}\n'))
    assert [(g.source, g.text) for g in lines if isinstance(g, Article)] == [
        ("<stdin>#1", "One."),
        ("<stdin>#2", "Two."),
    ]
    forced = article(["-"], stdin=io.BytesIO(b'{"text": "x"}'), stdin_format="text")
    assert forced.text == '{"text": "x"}'
    failure(["-"], "too_large", stdin=io.BytesIO(b"x" * 20), max_bytes=10)
    failure(["-"], "empty", stdin=io.BytesIO(b""))


def test_failure_to_record() -> None:
    record = InputFailure("a.txt", "empty", "a.txt: is empty; nothing to extract").to_record()
    assert isinstance(record, ErrorRecord)
    assert record.model_dump() == {
        "source": "a.txt",
        "error": {"type": "empty", "message": "a.txt: is empty; nothing to extract"},
    }

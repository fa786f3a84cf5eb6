"""Inputs as a user gives them, through the installed command (issue 20): pages fetched from http(s)
addresses, documents that are not text (PDF, Word, OpenDocument, images) named with how to get their
text, pipelines that cannot work refused up front, folders walked as ripgrep and fd walk them, the
libraries' warnings kept off stderr, and `evaluate` saying what it looked for.

Every server here is on 127.0.0.1, started inside the test; every subprocess has a timeout.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

_SCRIPT = shutil.which("quotegrab")
QUOTEGRAB = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "quotegrab.cli"]
STORY = 'The mayor spoke on Monday. "We will rebuild the bridge before winter," Mayor Jane Cole said.\n'
# htmldate hands "2026-12-07 10:00:00 EST" to dateutil, which warns that it does not know "EST".
PAGE = (
    "<html><head><title>Bridge plan</title>"
    '<meta name="date" content="2026-12-07 10:00:00 EST"></head><body><article>'
    "<h1>Bridge plan</h1><p>The mayor spoke to reporters on Monday at the city hall.</p>"
    '<p>"We will rebuild the bridge before winter," Mayor Jane Cole said.</p>'
    "<p>The council is expected to vote on the plan next week, officials said.</p>"
    "</article></body></html>"
)


def run(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEGRAB, *args], capture_output=True, text=True, timeout=timeout, **kwargs)


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


# --- http(s) addresses -----------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/stall":
            time.sleep(6)  # longer than the test's timeout; bounded, so the thread ends
        if self.path == "/article.html":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            with contextlib.suppress(OSError):  # the stalled client has given up and gone
                self.send_error(404, "Not Found")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_addresses_are_fetched_and_failures_are_one_line_each(server: str, tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(PAGE, encoding="utf-8")
    page, missing = f"{server}/article.html", f"{server}/missing.html"
    refused, stalled = f"http://127.0.0.1:{closed_port()}/story.html", f"{server}/stall"
    env = {**os.environ, "QUOTEGRAB_FETCH_TIMEOUT": "1"}
    got = run("extract", page, missing, refused, stalled, str(saved), "-f", "jsonl", env=env)
    assert got.returncode == 1, got.stderr
    docs = records(got.stdout)
    assert [d["source"] for d in docs] == [page, missing, refused, stalled, str(saved)]
    fetched, saved_doc = docs[0], docs[4]
    assert fetched["metadata"]["format"] == "html" and fetched["metadata"]["url"] == page
    assert [q["text"] for q in fetched["quotes"]] == [q["text"] for q in saved_doc["quotes"]]
    assert any("rebuild the bridge" in q["text"] for q in fetched["quotes"])
    assert docs[1]["error"]["type"] == "http_error" and "404" in docs[1]["error"]["message"]
    assert docs[2]["error"]["type"] == "unreachable" and "connection refused" in docs[2]["error"]["message"]
    assert docs[3]["error"]["type"] == "unreachable" and "no answer within 1 s" in docs[3]["error"]["message"]
    lines = got.stderr.splitlines()
    for url in (missing, refused, stalled):
        assert sum(url in line for line in lines) == 1, got.stderr
    assert all(agent.startswith("quotegrab/") for agent in _Handler.agents), _Handler.agents
    # The saved page's "EST" date makes dateutil warn: the warning never reaches the user.
    assert "Warning" not in got.stderr and "warnings.warn" not in got.stderr, got.stderr


def test_library_warnings_are_kept_for_debug(tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(PAGE, encoding="utf-8")
    got = run("extract", str(saved), "-f", "jsonl", "--debug")
    assert got.returncode == 0, got.stderr
    [line] = [line for line in got.stderr.splitlines() if "UnknownTimezoneWarning" in line]
    assert line.startswith("quotegrab: ") and str(saved) in line and "EST" in line


# --- documents that are not text -------------------------------------------------------------------


def _zip(path: Path, entries: dict[str, str]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return str(path)


def test_documents_and_images_name_their_format_and_the_way_out(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")  # ASCII
    disguised = tmp_path / "notes.txt"  # a PDF by its bytes, whatever its name
    disguised.write_bytes(pdf.read_bytes())
    docx = _zip(tmp_path / "story.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    odt = _zip(tmp_path / "story.odt", {"mimetype": "application/vnd.oasis.opendocument.text",
                                        "content.xml": "<office/>"})
    images = {
        "scan.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64),
        "anim.gif": b"GIF89a\x01\x00\x01\x00" + bytes(64),
        "pic.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(64),
        "fax.tiff": b"II*\x00\x08\x00\x00\x00" + bytes(64),
    }
    for name, data in images.items():
        (tmp_path / name).write_bytes(data)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    paths = [str(pdf), str(disguised), docx, odt, *(str(tmp_path / n) for n in images), str(story)]
    got = run("extract", *paths, "-f", "jsonl")
    assert got.returncode == 1, got.stderr
    docs = records(got.stdout)
    assert [d["source"] for d in docs] == paths
    assert "error" not in docs[-1] and docs[-1]["quotes"]
    errors = [d["error"] for d in docs[:-1]]
    assert {e["type"] for e in errors} == {"unsupported_format"}
    message = [e["message"] for e in errors]
    assert message[0] == f"{pdf}: a PDF document, not text: extract its text first (pdftotext {pdf})"
    assert message[1].startswith(f"{disguised}: a PDF document")
    assert "a Word document (.docx)" in message[2] and f"pandoc {docx} -t plain" in message[2]
    assert "an OpenDocument file (.odt)" in message[3] and f"pandoc {odt} -t plain" in message[3]
    for text, kind in zip(message[4:], ("PNG", "JPEG", "GIF", "WebP", "TIFF"), strict=True):
        assert f"an image ({kind}), not text: OCR it first (tesseract" in text, text
    lines = got.stderr.splitlines()
    for path in paths[:-1]:
        assert sum(line.startswith(f"quotegrab: {path}:") for line in lines) == 1, got.stderr


# --- the pipeline ----------------------------------------------------------------------------------


def test_a_pipeline_without_parser_or_ner_is_refused_before_any_article(tmp_path: Path) -> None:
    import spacy

    blank = tmp_path / "blank"
    spacy.blank("en").to_disk(blank)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for extra in ([], ["-j", "2"]):
        got = run("extract", str(story), "-m", str(blank), "-f", "jsonl", *extra)
        assert got.returncode == 2 and got.stdout == "", got.stderr
        assert got.stderr.splitlines() == [
            f"quotegrab: error: spaCy pipeline '{blank}' has no parser and no ner: quotegrab needs both "
            "(a dependency parser and named entities, as en_core_web_sm has)"
        ]
        assert "E030" not in got.stderr


# --- evaluate --------------------------------------------------------------------------------------


def test_evaluate_says_what_annotations_it_looked_for(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "a.txt").write_text(STORY, encoding="utf-8")
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "text" / "a.txt").write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    expected = "expected a PolNeAR split (text/ and attributions/) or .ann files beside .txt files"
    for folder, said in [
        (loose, f"no annotations found in {loose}: 1 article (.txt) but no .ann file beside any of them"),
        (split, f"no annotations found in {split}: 1 article in text/ but no .ann files in attributions/"),
        (empty, f"no articles found in {empty}: no .txt files"),
    ]:
        got = run("evaluate", str(folder))
        assert got.returncode == 2 and got.stdout == "", got.stderr
        assert got.stderr.splitlines() == [f"quotegrab: error: {said}; {expected}"]


def test_evaluate_table_speaks_plainly(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text(STORY, encoding="utf-8")
    (gold / "a.ann").write_text("", encoding="utf-8")  # annotated: nobody is quoted
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"source": "a.txt", "quotes": []}\n{"source": "other.txt", "quotes": []}\nnot json\n')
    got = run("evaluate", str(gold), str(pred))
    assert got.returncode == 0, got.stderr
    first = got.stdout.splitlines()[0]
    assert first == (
        "articles: 1 annotated, 1 with quotegrab's quotes; 1 results for articles that are not annotated "
        "(not scored); 1 unreadable lines in the results file (skipped)"
    )
    assert "Discard" not in got.stdout and "!=" not in got.stdout


# --- folders ---------------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ holding a story, a link back up (up -> ..), a loop, a linked file, a FIFO and a socket;
    its parent holds a story that only --follow may reach."""
    (tmp_path / "outside.txt").write_text('"Outside the folder," Ann Ross said.\n', encoding="utf-8")
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "sub" / "b.txt").write_text('"In the sub-folder," Bo Diaz said.\n', encoding="utf-8")
    os.symlink("..", root / "up")
    os.symlink("../../root", root / "sub" / "loop")
    os.symlink("../outside.txt", root / "linked.txt")
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    sock.close()
    return root


def test_folders_are_walked_without_following_linked_folders(tree: Path) -> None:
    # A FIFO named on the command line is read (its writer comes later); the one in the folder is not.
    named = tree.parent / "named.fifo"
    os.mkfifo(named)
    writer = threading.Thread(target=named.write_text, args=('"Through a pipe," Cy Ng said.\n',), daemon=True)
    writer.start()
    got = run("extract", str(tree), str(named), "-f", "jsonl", timeout=60)
    writer.join(timeout=5)
    assert got.returncode == 1, got.stderr
    docs = records(got.stdout)
    summary = [(os.path.relpath(d["source"], tree), d.get("error", {}).get("type")) for d in docs]
    assert summary == [
        ("a.txt", None),
        ("linked.txt", None),  # a linked file is read
        ("pipe.txt", "not_a_file"),
        ("sock.txt", "not_a_file"),
        ("sub/b.txt", None),
        ("../named.fifo", None),
    ]
    assert "Outside the folder" in docs[1]["quotes"][0]["text"]
    assert "Through a pipe" in docs[-1]["quotes"][0]["text"]
    lines = got.stderr.splitlines()
    for name in ("pipe.txt", "sock.txt"):
        assert sum(f"root/{name}:" in line for line in lines) == 1, got.stderr
    assert "up/" not in got.stderr and "loop" not in got.stderr


def test_follow_walks_linked_folders_and_ends_on_loops(tree: Path) -> None:
    got = run("speakers", str(tree), "--follow", "-f", "json", timeout=60)
    assert got.returncode == 1, got.stderr
    names = {row["name"]: row["articles"] for row in json.loads(got.stdout)}
    # up -> .. reaches the parent's story; the loop back to root is reported once and walked no further
    assert [os.path.relpath(a, tree) for a in names["Ann Ross"]] == ["linked.txt", "up/outside.txt"]
    assert sum("links back to a folder that contains it" in line for line in got.stderr.splitlines()) >= 1

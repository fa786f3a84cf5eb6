"""The command line, through the real CLI: Typer's CliRunner in-process (sharing one loaded pipeline),
and subprocesses where signals and terminals matter.

The extraction engine is under active development, so quote-dependent assertions use texts with
unmistakable quotes; the rest checks structure, sources, error records and exit codes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegrab.cli import app
from quotegrab.running.writers import QUOTE_COLUMNS

QUOTEGRAB = [sys.executable, "-m", "quotegrab.cli"]
runner = CliRunner()

SMITH = '"We will win this election," Smith said on Monday.\n'
PEOPLE = ["Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Linda Osei"]


def article(i: int, paragraphs: int = 3) -> str:
    """A news-like article with obvious direct quotes; distinct per `i`."""
    name = PEOPLE[i % len(PEOPLE)]
    surname = name.split()[1]
    body = [f"The city council voted on plan number {i} on Tuesday after a long debate.\n"]
    for p in range(paragraphs):
        body.append(
            f'"This is the right decision for district {i}, and we will see results," {name} said. '
            f"The proposal, which would cost {i + p} million dollars, drew criticism from residents.\n"
        )
        body.append(f'{surname} added that the vote was "long overdue" and promised more updates.\n')
    return "\n".join(body)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(SMITH, encoding="utf-8")
    (news / "b.txt").write_text(article(1), encoding="utf-8")
    (news / "c.txt").write_bytes(b"\x00\x01\x02 binary junk")
    return news


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- formats ------------------------------------------------------------------------------------------


def test_jsonl_is_default_when_piped_and_errors_do_not_stop_the_batch(nlp, folder: Path) -> None:
    result = invoke("extract", str(folder))
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert "error" not in records[0] and "error" not in records[1]
    assert records[2]["error"]["type"] == "binary" and records[2]["error"]["message"]
    assert any(q["type"] == "direct" and "win this election" in q["text"] for q in records[0]["quotes"])
    # stderr: one line for the failure, then the summary; no data.
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 2
    assert "c.txt" in err_lines[0] and "[binary]" in err_lines[0]
    assert err_lines[1].startswith("quotegrab: 2 articles, ") and ", 1 failed" in err_lines[1]


def test_json_single_object_and_array(nlp, folder: Path) -> None:
    one = invoke("extract", str(folder / "a.txt"), "--format", "json")
    assert one.exit_code == 0
    document = json.loads(one.stdout)
    assert isinstance(document, dict) and document["source"].endswith("a.txt")
    many = invoke("extract", str(folder), "-f", "json")
    items = json.loads(many.stdout)
    assert isinstance(items, list) and len(items) == 3
    assert items[2]["error"]["type"] == "binary"


def test_csv_one_row_per_quote_with_contract_columns(nlp, folder: Path) -> None:
    result = invoke("extract", str(folder), "-f", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == QUOTE_COLUMNS
    assert QUOTE_COLUMNS[:11] == ("source", "quote_id", "type", "speaker", "speaker_kind", "cue", "cue_phrase",
                                  "negated", "text", "start", "end")
    jsonl_docs = jsonl(invoke("extract", str(folder)).stdout)
    quote_rows = [r for r in rows if not r["error_type"]]
    assert len(quote_rows) == sum(len(d.get("quotes", [])) for d in jsonl_docs)
    errors = [r for r in rows if r["error_type"]]
    assert [(Path(r["source"]).name, r["error_type"]) for r in errors] == [("c.txt", "binary")]
    text = SMITH
    for row in quote_rows:
        if row["source"].endswith("a.txt"):
            assert int(row["start"]) < int(row["end"]) <= len(text)
            assert row["type"] in ("direct", "mixed", "indirect")


def test_table_format(nlp, folder: Path) -> None:
    result = invoke("extract", str(folder / "a.txt"), str(folder / "c.txt"), "-f", "table")
    assert result.exit_code == 1
    assert "a.txt" in result.stdout and "Speaker" in result.stdout and "Quote" in result.stdout
    assert "binary" in result.stdout  # the error record is part of the output too
    assert "win this" in result.stdout


def test_html_report_includes_documents_and_errors(nlp, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = invoke("extract", str(folder), "-o", str(out))  # format from the extension
    assert result.exit_code == 1 and result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "a.txt" in html and "c.txt" in html and "win this election" in html


def test_include_text_and_metadata(nlp, tmp_path: Path) -> None:
    records = tmp_path / "feed.jsonl"
    rows = [{"id": "x1", "title": "Vote", "url": "https://example.com/1", "text": SMITH},
            {"id": "x2", "title": "Plan", "text": article(2)}]
    records.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = invoke("extract", str(records), "--include-text")
    assert result.exit_code == 0
    docs = jsonl(result.stdout)
    assert [d["source"] for d in docs] == [f"{records}#x1", f"{records}#x2"]
    assert docs[0]["metadata"]["title"] == "Vote" and docs[0]["metadata"]["url"] == "https://example.com/1"
    assert docs[0]["text"] == SMITH and docs[1]["text"] == article(2)
    for doc in docs:
        for quote in doc["quotes"]:
            for span in quote["spans"]:
                assert doc["text"][span["start"]:span["end"]].strip()
    without = jsonl(invoke("extract", str(records)).stdout)
    assert all(d["text"] is None for d in without)


def test_stdin_input(nlp) -> None:
    result = invoke("extract", "-", "-f", "json", input=SMITH)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"


# --- exit codes and usage errors ----------------------------------------------------------------------


def test_exit_0_when_every_input_succeeds(nlp, folder: Path) -> None:
    result = invoke("extract", str(folder / "a.txt"), str(folder / "b.txt"))
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1].startswith("quotegrab: 2 articles, ")


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "{f}", "--format", "yaml"],
        ["extract", "{f}", "--jobs", "0"],
        ["extract"],
        ["extract", "{f}", "--model", "no_such_pipeline_xyz"],
        ["extract", "{f}", "--resume"],
        ["extract", "{f}", "--resume", "-o", "{f}/../out.csv"],
        ["extract", "{empty}"],
        ["speakers", "{f}", "--format", "jsonl"],
    ],
    ids=["bad-format", "bad-jobs", "no-paths", "no-model", "resume-no-output", "resume-csv", "no-inputs",
         "speakers-bad-format"],
)
def test_usage_errors_exit_2(nlp, folder: Path, tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [a.format(f=folder, empty=empty) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_missing_file_is_an_error_record(nlp, folder: Path) -> None:
    result = invoke("extract", str(folder / "a.txt"), str(folder / "nope.txt"))
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert records[0]["source"].endswith("a.txt") and "quotes" in records[0]
    assert records[1]["error"]["type"] == "not_found"


def test_engine_exception_becomes_error_record_without_traceback(nlp, folder: Path, monkeypatch) -> None:
    import quotegrab.engine.pipeline as pipeline

    real = pipeline.extract

    def flaky(text: str, source: str = "<text>", nlp=None, **kw):
        if "district 1" in text:
            raise RuntimeError("engine exploded")
        return real(text, source, nlp, **kw)

    def no_batching(pairs, nlp=None, batch_size=8, **kw):
        for source, text in pairs:
            yield flaky(text, source, nlp)

    monkeypatch.setattr(pipeline, "extract", flaky)
    monkeypatch.setattr(pipeline, "extract_many", no_batching)
    result = invoke("extract", str(folder / "a.txt"), str(folder / "b.txt"))
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert "quotes" in records[0]
    assert records[1]["error"] == {"type": "RuntimeError", "message": "engine exploded"}
    assert "Traceback" not in result.stderr and "engine exploded" in result.stderr


def test_unexpected_failure_is_one_line_and_keeps_written_results(nlp, folder: Path, tmp_path: Path,
                                                                   monkeypatch) -> None:
    import quotegrab.cli as cli

    calls = []

    def update(self, stats) -> None:
        calls.append(stats.done)
        if len(calls) == 2:
            raise RuntimeError("internal bug")

    monkeypatch.setattr(cli._Progress, "update", update)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(folder), "-o", str(out))
    assert result.exit_code == 1
    assert "error: RuntimeError: internal bug" in result.stderr and "Traceback" not in result.stderr
    assert [Path(r["source"]).name for r in jsonl(out.read_text())] == ["a.txt", "b.txt"]
    calls.clear()
    debug = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--debug"])
    assert isinstance(debug.exception, RuntimeError)  # --debug lets the traceback through


# --- files: atomic output, resume ---------------------------------------------------------------------


def test_output_file_is_atomic_and_stdout_stays_empty(nlp, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous content\n", encoding="utf-8")
    # A usage error leaves the previous file untouched and no temporary file behind.
    failed = runner.invoke(app, ["extract", str(folder), "-o", str(out), "-m", "no_such_pipeline_xyz"])
    assert failed.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous content\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = invoke("extract", str(empty), "-o", str(out))
    assert nothing.exit_code == 2 and "no inputs found" in nothing.stderr
    assert out.read_text(encoding="utf-8") == "previous content\n"
    empty.rmdir()
    result = invoke("extract", str(folder), "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "out.jsonl"]
    assert out.stat().st_mode & 0o644 == 0o644


def test_output_inside_input_folder_is_not_read_back(nlp, folder: Path) -> None:
    out = folder / "out.jsonl"
    for _ in range(2):
        result = invoke("extract", str(folder), "-o", str(out))
        assert [Path(r["source"]).name for r in jsonl(out.read_text())] == ["a.txt", "b.txt", "c.txt"]
    assert result.exit_code == 1


def test_resume_skips_done_sources_and_repairs_a_torn_line(nlp, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = invoke("extract", str(folder / "a.txt"), "-o", str(out))
    assert first.exit_code == 0
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "' + str(folder / "b.txt") + '", "quo')  # a run killed mid-line
    result = invoke("extract", str(folder), "-o", str(out), "--resume")
    assert result.exit_code == 1  # c.txt is still a bad input
    records = jsonl(out.read_text(encoding="utf-8"))
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert "1 skipped" in result.stderr
    # Everything done (errors included): nothing more to do, nothing appended.
    again = invoke("extract", str(folder), "-o", str(out), "--resume")
    assert again.exit_code == 0
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 3
    assert "3 skipped" in again.stderr


# --- speakers, schema, help ---------------------------------------------------------------------------


def test_speakers_merged_across_articles(nlp, tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text(SMITH, encoding="utf-8")
    (news / "two.txt").write_text('"The budget is balanced," Smith said.\n', encoding="utf-8")
    result = invoke("speakers", str(news), "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    smith = [r for r in rows if r["name"] == "Smith"]
    if smith:  # depends on the engine resolving the speaker
        assert smith[0]["direct"] + smith[0]["mixed"] + smith[0]["indirect"] == smith[0]["total"] >= 2
        assert [Path(a).name for a in smith[0]["articles"]] == ["one.txt", "two.txt"]
    as_csv = invoke("speakers", str(news), "-f", "csv")
    header = next(csv.reader(io.StringIO(as_csv.stdout)))
    assert header == ["name", "kind", "direct", "mixed", "indirect", "total", "articles"]


def test_speakers_table_and_glob_and_format_from_extension(nlp, folder: Path, tmp_path: Path) -> None:
    (folder / "skip.md").write_text(SMITH, encoding="utf-8")
    table = invoke("speakers", str(folder), "--glob", "*.txt", "-f", "table")
    assert table.exit_code == 1  # c.txt
    assert "Speaker" in table.stdout and "Direct" in table.stdout
    out = tmp_path / "q.csv"
    result = invoke("extract", str(folder), "--glob", "[ab].txt", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {Path(r["source"]).name for r in rows} <= {"a.txt", "b.txt"} and rows


def test_schema_is_json_schema_of_document() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document" and "quotes" in schema["properties"]


def test_help_teaches_options_examples_and_exit_codes() -> None:
    result = invoke("extract", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for option in ("--glob", "--model", "--format", "--output", "--include-text", "--jobs", "--resume",
                   "--debug"):
        assert option in text
    assert "Examples" in text and "quotegrab extract news/" in text
    assert "Exit codes" in text and "130" in text


# --- subprocesses: jobs, signals, terminals -----------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}


@pytest.fixture(scope="module")
def forty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    news = tmp_path_factory.mktemp("forty")
    for i in range(40):
        (news / f"article-{i:02d}.txt").write_text(article(i, paragraphs=6), encoding="utf-8")
    return news


def test_jobs_2_output_equals_jobs_1(nlp, forty: Path, tmp_path: Path) -> None:
    files = sorted(forty.iterdir())[:12]
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    paths = [str(files[0]), str(tmp_path / "bad.txt"), *map(str, files[1:])]
    one = invoke("extract", *paths, "-o", str(tmp_path / "one.jsonl"))
    two = invoke("extract", *paths, "-o", str(tmp_path / "two.jsonl"), "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    a = jsonl((tmp_path / "one.jsonl").read_text())
    b = jsonl((tmp_path / "two.jsonl").read_text())
    assert [r["source"] for r in a] == [r["source"] for r in b] == paths
    assert a == b


def _wait_for_lines(
    folder: Path, pattern: str, count: int, proc: subprocess.Popen, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for candidate in folder.glob(pattern):
            with candidate.open("rb") as fh:
                if fh.read().count(b"\n") >= count:
                    return
        assert proc.poll() is None, "run finished before it could be interrupted"
        time.sleep(0.05)
    raise AssertionError("no progress")


def _whole_lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_sigterm_then_resume_completes_every_source_once(forty: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    cmd = [*QUOTEGRAB, "extract", str(forty), "--format", "jsonl", "--output", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    _wait_for_lines(tmp_path, ".out.jsonl.*", 5, proc)  # the temporary file being written
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert stdout == b""
    assert b"stopped early" in stderr and b"Traceback" not in stderr
    partial = _whole_lines(out)
    assert 5 <= len(partial) < 40
    assert not list(tmp_path.glob(".out.jsonl.*"))

    # Interrupt the resumed run too (Ctrl-C this time), then let a third run finish.
    proc = subprocess.Popen([*cmd, "--resume"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    _wait_for_lines(tmp_path, "out.jsonl", len(partial) + 3, proc)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    middle = _whole_lines(out)
    assert len(partial) < len(middle) < 40

    done = subprocess.run([*cmd, "--resume"], capture_output=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    sources = [r["source"] for r in _whole_lines(out)]
    assert sorted(sources) == sorted(str(p) for p in forty.iterdir())
    assert len(sources) == len(set(sources)) == 40
    assert f"{len(middle)} skipped".encode() in done.stderr


def _run_on_ttys(args: list[str], *, stdout_tty: bool, stderr_tty: bool) -> tuple[bytes, bytes, int]:
    """Runs the CLI with stdout and/or stderr on a pseudo-terminal, draining them as it runs."""
    fds: dict[str, tuple[int, int]] = {}
    kwargs: dict = {}
    for name, tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            master, slave = pty.openpty()
            fds[name] = (master, slave)
            kwargs[name] = slave
        else:
            kwargs[name] = subprocess.PIPE
    proc = subprocess.Popen([*QUOTEGRAB, *args], env=_env(), **kwargs)
    for _, slave in fds.values():
        os.close(slave)
    chunks: dict[str, list[bytes]] = {name: [] for name in ("stdout", "stderr")}
    readers = {master: name for name, (master, _) in fds.items()}
    for name in ("stdout", "stderr"):
        if name not in fds:
            readers[getattr(proc, name).fileno()] = name
    while readers:
        ready, _, _ = select.select(list(readers), [], [], 30)
        assert ready, "CLI hung"
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # pty closed when the child exited
                data = b""
            if data:
                chunks[readers[fd]].append(data)
            else:
                del readers[fd]
    code = proc.wait(timeout=30)
    for master, _ in fds.values():
        os.close(master)
    return b"".join(chunks["stdout"]), b"".join(chunks["stderr"]), code


def test_terminal_defaults_table_and_progress_bar(forty: Path) -> None:
    paths = [str(p) for p in sorted(forty.iterdir())[:4]]
    stdout, stderr, code = _run_on_ttys(["extract", *paths], stdout_tty=True, stderr_tty=True)
    assert code == 0
    assert b"Speaker" in stdout and b"{" not in stdout  # a table, not JSON
    assert b"articles/s" in stderr and b"4 articles, " in stderr
    # Piped stdout: JSON lines, still with the progress bar on the terminal stderr.
    stdout, stderr, code = _run_on_ttys(["extract", *paths], stdout_tty=False, stderr_tty=True)
    assert code == 0
    assert [json.loads(line)["source"] for line in stdout.decode().splitlines()] == paths
    assert b"articles/s" in stderr

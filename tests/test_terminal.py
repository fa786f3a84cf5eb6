"""What a person sees on a terminal, read off a pseudo-terminal's final screen (pexpect runs the installed
`quotegrab` script in a fixed-size pty, pyte keeps the screen), and the messages a batch ends with."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import termios
from pathlib import Path

import pexpect
import pyte
import pytest

QUOTEGRAB = [shutil.which("quotegrab") or sys.executable, *([] if shutil.which("quotegrab") else ["-m", "quotegrab"])]
COLUMNS, ROWS = 100, 120
BORDERS = {"┏": "┓", "┃": "┃", "┡": "┩", "│": "│", "└": "┘"}


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(1, 7):
        (folder / f"a{i}.txt").write_text(
            f'"We will win election number {i}," Smith said on Monday.\n\n"It is time," Jones added.\n',
            encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01 binary")
    return folder


def screen_of(args: list[str], cwd: Path, interrupt_after: str | None = None) -> tuple[list[str], int]:
    """The lines of the terminal's final screen (trailing blanks dropped) and the exit status; with
    `interrupt_after`, Ctrl-C is typed once that text is on the screen."""
    screen = pyte.Screen(COLUMNS, ROWS)
    stream = pyte.ByteStream(screen)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
    child = pexpect.spawn(QUOTEGRAB[0], [*QUOTEGRAB[1:], *args], cwd=str(cwd), env=env,
                          dimensions=(ROWS, COLUMNS))
    if interrupt_after is not None:
        # A terminal drops the output still queued for the screen when Ctrl-C is typed (unless NOFLSH),
        # which would cut whatever was being drawn at that instant, whoever drew it; the test reads
        # slowly enough for that queue to be long, so it keeps it.
        attrs = termios.tcgetattr(child.child_fd)
        attrs[3] |= termios.NOFLSH
        termios.tcsetattr(child.child_fd, termios.TCSANOW, attrs)
        child.expect_exact(interrupt_after, timeout=120)
        stream.feed(child.before + child.after)
        child.sendintr()
    while True:
        try:
            stream.feed(child.read_nonblocking(65536, timeout=120))
        except pexpect.EOF:
            break
    child.close()
    lines = [line.rstrip() for line in screen.display]
    while lines and not lines[-1]:
        lines.pop()
    return lines, child.exitstatus


def test_tables_are_whole_and_no_progress_line_remains(news: Path) -> None:
    lines, code = screen_of(["extract", "news"], news.parent)
    text = "\n".join(lines)
    assert code == 1, text  # bad.txt failed
    assert not any("Extracting" in line or "…" in line for line in lines), text
    # Every source heading stands alone on its line, followed by a whole table.
    for i in range(1, 7):
        assert lines.count(f"news/a{i}.txt") == 1, text
    tables = [line for line in lines if line[:1] in BORDERS]
    assert len(tables) == 6 * 6, text  # 3 border lines, a header and 2 rows per table
    for line in tables:
        assert line.endswith(BORDERS[line[0]]), line
        assert len(line) == len(tables[0]), line
    # The failure: once, with its path as given (not doubled), as one message.
    assert text.count("bad.txt") == 1, text
    failure = next(line for line in lines if "bad.txt" in line)
    assert failure.startswith("quotegrab: news/bad.txt: ") and "news/bad.txt: news/bad.txt" not in text
    # The summary ends the screen, one block: articles, quotes, failures, time.
    assert lines[-1].startswith("quotegrab: 6 articles, 12 quotes, 1 failed in "), text
    assert lines[-1].endswith("articles/s)")


def test_ctrl_c_on_a_terminal_leaves_whole_tables_and_no_progress_line(news: Path) -> None:
    for i in range(7, 60):
        (news / f"a{i}.txt").write_text(
            "\n\n".join(f'"Plan {i}.{p} will pass," Smith said on Monday. It rained.' for p in range(30)),
            encoding="utf-8")
    lines, code = screen_of(["extract", "news"], news.parent, interrupt_after="news/a2.txt")
    text = "\n".join(lines)
    assert code == 130, text
    # (Where the bar stood at the instant of the Ctrl-C, the terminal's own echo of it can still leave
    # one stale line now and then: the lines after the last table are checked.)
    # The stop's notice, then the summary (folded at the screen's width): nothing else after the tables.
    notice = next(i for i, line in enumerate(lines) if "quotegrab: SIGINT received: " in line)
    assert not any("Extracting" in line for line in lines[notice - 3:]), text
    summary = "".join(lines[notice + 1:])
    assert summary.startswith("quotegrab: ") and summary.endswith("(stopped early; --resume finishes the rest)")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEGRAB, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_table_in_a_file_names_each_failure_once(news: Path) -> None:
    done = run(["extract", "news/bad.txt", "news/a1.txt", "-f", "table", "-o", "out.txt"], news.parent)
    assert done.returncode == 1, done.stderr
    table = (news.parent / "out.txt").read_text(encoding="utf-8")
    assert table.count("news/bad.txt") == 1 and "[binary]" in table
    stderr = done.stderr.splitlines()
    assert [line for line in stderr if "bad.txt" in line] == [
        next(line for line in stderr if line.startswith("quotegrab: news/bad.txt: "))]
    assert stderr[-1].startswith("quotegrab: 1 article, ") and len(stderr) == 2


@pytest.mark.parametrize("args", [["extract", "empty"], ["extract", "news", "--glob", "*.xyz"]],
                         ids=["empty-folder", "glob-matches-nothing"])
def test_nothing_to_read_is_one_error_line_and_exit_2(news: Path, args: list[str]) -> None:
    (news.parent / "empty").mkdir()
    done = run(args, news.parent)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "no inputs found" in done.stderr, done.stderr

"""A batch as a long-running process, through the installed `quotegrab` script: --resume however paths
are spelled, stopping (Ctrl-C inside a huge article, while waiting on an input), being killed (workers
do not outlive the run, the finished documents are kept), and two runs on one output file."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

QUOTEGRAB = [shutil.which("quotegrab") or sys.executable, *([] if shutil.which("quotegrab") else ["-m", "quotegrab"])]
SMITH = '"We will win this election," Smith said on Monday.\n'


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEGRAB, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_resume_knows_an_article_however_its_path_is_spelled(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SMITH, encoding="utf-8")
    (folder / "b.txt").write_text(SMITH.replace("Smith", "Jones"), encoding="utf-8")
    first = run(["extract", "./in/a.txt", "-o", "out.jsonl"], tmp_path)
    assert first.returncode == 0, first.stderr
    # The folder by its absolute path: a.txt is done, b.txt is not.
    second = run(["extract", str(folder), "-o", "out.jsonl", "--resume"], tmp_path)
    assert second.returncode == 0, second.stderr
    assert "1 skipped" in second.stderr
    assert sources(tmp_path / "out.jsonl") == ["./in/a.txt", str(folder / "b.txt")]
    # A third spelling of both: nothing left to do, nothing written twice.
    third = run(["extract", "in/a.txt", "in/b.txt", "-o", "out.jsonl", "--resume"], tmp_path)
    assert third.returncode == 0, third.stderr
    assert "2 skipped" in third.stderr
    assert len(sources(tmp_path / "out.jsonl")) == 2


@contextlib.contextmanager
def started(args: list[str], cwd: Path) -> Iterator[subprocess.Popen[str]]:
    """`quotegrab ARGS` running, with pipes; killed if still running at the end (a failed test)."""
    proc = subprocess.Popen([*QUOTEGRAB, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _paragraphs(n: int) -> str:
    return "\n\n".join(
        f'"The budget for district {i} is a disgrace," council member Maria Lopez said on Tuesday. '
        f"Officials said the plan number {i} would be reviewed by a committee next month."
        for i in range(n))


def test_first_ctrl_c_stops_inside_a_huge_article_and_keeps_the_finished_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SMITH, encoding="utf-8")
    (tmp_path / "huge.txt").write_text(_paragraphs(8000), encoding="utf-8")  # ~1.3 MB: minutes of work
    with started(["extract", "a.txt", "huge.txt", "-f", "jsonl"], tmp_path) as proc:
        first = proc.stdout.readline()  # the small article's document: the huge one is under way
        assert json.loads(first)["source"] == "a.txt"
        proc.send_signal(signal.SIGINT)
        rest, stderr = proc.communicate(timeout=10)  # a liveness bound, far below the huge article's time
    assert proc.returncode == 130, stderr
    assert rest == ""  # nothing of the unfinished article, and the finished one kept
    assert "Traceback" not in stderr and "stopped early" in stderr


def test_first_ctrl_c_stops_a_run_waiting_on_a_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with started(["extract", str(fifo), "-f", "jsonl"], tmp_path) as proc:
        wchan = Path(f"/proc/{proc.pid}/wchan")
        if not wchan.exists():
            pytest.skip("no /proc/PID/wchan to see the run wait on the pipe")
        deadline = time.monotonic() + 60
        while wchan.read_text() not in ("wait_for_partner", "fifo_open") and time.monotonic() < deadline:
            assert proc.poll() is None
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=10)
    assert proc.returncode == 130, stderr
    assert stdout == "" and "Traceback" not in stderr


def _descendants(pid: int) -> set[int]:
    children: dict[int, set[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), set()).add(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_exit_when_the_run_is_killed_outright(tmp_path: Path) -> None:
    for i in range(24):
        (tmp_path / f"{i:02d}.txt").write_text(_paragraphs(12).replace("district", f"ward {i}"), encoding="utf-8")
    with started(["extract", ".", "-j", "2", "-f", "jsonl"], tmp_path) as proc:
        assert proc.stdout.readline()  # the workers are at work
        workers = _descendants(proc.pid)  # the workers, and the forkserver that started them
        assert len(workers) >= 2
        proc.kill()
        proc.wait()
        try:
            deadline = time.monotonic() + 10  # a liveness bound, not a speed figure
            while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not [pid for pid in workers if _alive(pid)], "workers outlived the run"
            # Nothing holds the caller's stderr open any more: a reader sees its end.
            assert select.select([proc.stderr], [], [], 10)[0]
            proc.stderr.read()  # (Python's resource tracker may note the queues' semaphores it frees)
        finally:
            for pid in workers:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_one_run_per_output_and_resume_takes_up_what_a_killed_run_finished(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(12):
        (news / f"{i:02d}.txt").write_text(_paragraphs(3).replace("district", f"ward {i}"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: the run waits on it, after its first chunk of articles
    with started(["extract", "news", "pipe.txt", "-o", "out.jsonl"], tmp_path) as first:
        deadline = time.monotonic() + 60
        while not any(_lines(part) >= 8 for part in tmp_path.glob(".out.jsonl.*.part")):
            assert first.poll() is None and time.monotonic() < deadline, "no document written"
            time.sleep(0.05)
        # A second run on the same output, plain or resuming, is refused at once, naming both.
        for extra in ([], ["--resume"]):
            second = run(["extract", "news", "-o", "out.jsonl", *extra], tmp_path, timeout=30)
            assert second.returncode == 2, second.stderr
            assert second.stderr.splitlines() == [
                f"quotegrab: error: out.jsonl is being written by another quotegrab run (pid {first.pid}); "
                "wait for it to end, or choose another --output"]
        first.kill()  # killed outright: no clean-up runs
        first.wait()
    (part,) = tmp_path.glob(".out.jsonl.*.part")
    finished = _lines(part)
    assert finished >= 8 and not (tmp_path / "out.jsonl").exists()
    (tmp_path / "pipe.txt").unlink()
    resumed = run(["extract", "news", "-o", "out.jsonl", "--resume"], tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{finished} skipped" in resumed.stderr  # the killed run's documents, not redone
    done = sources(tmp_path / "out.jsonl")
    assert sorted(done) == sorted(f"news/{i:02d}.txt" for i in range(12)) and len(set(done)) == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "out.jsonl"]  # no .part, no lock

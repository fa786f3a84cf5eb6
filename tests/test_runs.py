"""A batch as a long-running process, through the installed `quotegrab` script: --resume however paths
are spelled, stopping (Ctrl-C inside a huge article, while waiting on an input), being killed (workers
do not outlive the run, the finished documents are kept), and two runs on one output file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

QUOTEGRAB = [shutil.which("quotegrab") or sys.executable, *([] if shutil.which("quotegrab") else ["-m", "quotegrab"])]
SMITH = '"We will win this election," Smith said on Monday.\n'


def run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEGRAB, *args], cwd=cwd, capture_output=True, text=True, timeout=120, **kwargs)


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

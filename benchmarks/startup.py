"""Start-up time of the `quotegrab` command line beside bare Python and a bare spaCy model load.

    .venv/bin/python benchmarks/startup.py            # median of 7 runs each
    .venv/bin/python benchmarks/startup.py --runs 15

Each command runs as a fresh subprocess (wall clock, output thrown away), one after the other, in
rounds, so a busy moment of the machine touches every command alike; the median of the runs is shown.
`--help`, `--version` and `schema` never import spaCy, so they cost Python, Typer and (for help and
schema) Rich and pydantic; `extract` on one short article costs the model load and little more.
Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "senate-vote.txt"


def commands(model: str) -> list[tuple[str, list[str]]]:
    python = sys.executable
    script = shutil.which("quotegrab") or str(Path(python).with_name("quotegrab"))
    return [
        ("python -c pass", [python, "-c", "pass"]),
        (f"import spacy; spacy.load({model!r})", [python, "-c", f"import spacy; spacy.load({model!r})"]),
        ("quotegrab --help", [script, "--help"]),
        ("quotegrab --version", [script, "--version"]),
        ("quotegrab schema", [script, "schema"]),
        (f"quotegrab extract {ARTICLE.name}", [script, "extract", str(ARTICLE), "-f", "jsonl", "-q"]),
    ]


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    args = parser.parse_args()
    from quotegrab.engine.pipeline import default_model

    todo = commands(default_model())
    for _, argv in todo:  # warm the file cache once
        wall(argv)
    times: dict[str, list[float]] = {label: [] for label, _ in todo}
    for _ in range(args.runs):
        for label, argv in todo:
            times[label].append(wall(argv))
    width = max(len(label) for label in times)
    print(f"{'command':<{width}}  median  (min-max, {args.runs} runs)")
    for label, values in times.items():
        print(f"{label:<{width}}  {statistics.median(values):5.2f} s  ({min(values):.2f}-{max(values):.2f})")


if __name__ == "__main__":
    main()

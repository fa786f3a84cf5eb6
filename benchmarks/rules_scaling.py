"""How the quotegrab rules scale with text length, against spaCy's own parse of the same text.

    python benchmarks/rules_scaling.py [--sizes 100000 200000 300000]

Prints, for one generated run-on line per size (scripts/fuzz.py's long_line), the parse time, the time of
the quotegrab component alone, and their ratio. A ratio that grows with the size means a rule is
super-linear; on news articles it stays a small fraction.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import fuzz  # noqa: E402

from quotegrab import load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 300_000])
    args = parser.parse_args()
    nlp = load()
    nlp.max_length = max(nlp.max_length, max(args.sizes) + 1)
    print(f"{'chars':>9} {'parse s':>9} {'rules s':>9} {'rules/parse':>12}")
    for size in args.sizes:
        text = fuzz.long_line(random.Random(42), size)
        started = time.perf_counter()
        with nlp.select_pipes(disable=["quotegrab"]):
            doc = nlp(text)
        parsed = time.perf_counter()
        nlp.get_pipe("quotegrab")(doc)
        done = time.perf_counter()
        print(f"{size:>9} {parsed - started:>9.1f} {done - parsed:>9.1f} {(done - parsed) / (parsed - started):>12.2f}")


if __name__ == "__main__":
    main()

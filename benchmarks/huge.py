"""Time and peak memory of `extract` on very long articles (1, 5 and 20 MB by default).

Each size runs in a fresh Python process so that its peak resident memory (`ru_maxrss`) is its own and not
the high-water mark of an earlier, larger run. Not a test: with the full English pipeline this takes a while
(roughly 50 s per megabyte on one core); `--pipeline blank` measures only the chunking machinery
around a tokenizer, which is quick.

    .venv/bin/python benchmarks/huge.py                     # 1, 5, 20 MB through the real pipeline
    .venv/bin/python benchmarks/huge.py --sizes 0.2 1       # smaller sizes
    .venv/bin/python benchmarks/huge.py --pipeline blank    # chunking overhead only
    .venv/bin/python benchmarks/huge.py --tracemalloc       # also Python-heap peak (slower)
    .venv/bin/python benchmarks/huge.py --max-chars 100000  # smaller pieces: less memory, faster
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from typing import Any

PARAGRAPH = (
    '"We will win," Smith said. The rally went on for hours in the rain, and the crowd stayed until '
    "the very end while volunteers handed out tea and blankets to anyone who asked for them.\n\n"
)


def article(megabytes: float) -> str:
    size = int(megabytes * 1_000_000)
    text = "Senator vows victory\n\n" + PARAGRAPH * (size // len(PARAGRAPH) + 1)
    return text[:size]


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where this overstates by 1024x).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(megabytes: float, pipeline: str, trace: bool, max_chars: int | None) -> dict[str, Any]:
    """One run in this process: the numbers for one table row."""
    import spacy

    from quotegrab.engine.chunking import split_text
    from quotegrab.engine.pipeline import PIECE_CHARS, extract, load

    nlp = spacy.blank("en") if pipeline == "blank" else load()
    text = article(megabytes)
    baseline = _rss_mb()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    document = extract(text, source="huge.txt", nlp=nlp, max_chars=max_chars)
    seconds = time.perf_counter() - started
    heap_peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
    return {
        "mb": megabytes,
        "chars": len(text),
        "pieces": len(split_text(text, min(max_chars or PIECE_CHARS, nlp.max_length))),
        "quotes": len(document.quotes),
        "seconds": seconds,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _rss_mb(),
        "heap_peak_mb": heap_peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0, 20.0], help="megabytes")
    parser.add_argument("--pipeline", choices=["real", "blank"], default="real")
    parser.add_argument("--tracemalloc", action="store_true", help="also record the Python heap peak")
    parser.add_argument("--max-chars", type=int, help="piece size (default: quotegrab.engine.pipeline.PIECE_CHARS)")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child is not None:
        print(json.dumps(measure(args.child, args.pipeline, args.tracemalloc, args.max_chars)))
        return

    header = (
        f"{'MB':>6} {'chars':>11} {'pieces':>6} {'quotes':>7} {'seconds':>9} {'chars/s':>9} "
        f"{'base RSS MB':>11} {'peak RSS MB':>11} {'heap MB':>8}"
    )
    from quotegrab.engine.pipeline import PIECE_CHARS

    print(f"pipeline: {args.pipeline}, piece size: {args.max_chars or PIECE_CHARS}")
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--pipeline", args.pipeline]
        if args.tracemalloc:
            command.append("--tracemalloc")
        if args.max_chars:
            command += ["--max-chars", str(args.max_chars)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{size:>6} failed: {last}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        heap = f"{row['heap_peak_mb']:>8.0f}" if row["heap_peak_mb"] is not None else f"{'-':>8}"
        rate = row["chars"] / row["seconds"]
        print(
            f"{row['mb']:>6} {row['chars']:>11,} {row['pieces']:>6} {row['quotes']:>7} "
            f"{row['seconds']:>9.1f} {rate:>9,.0f} "
            f"{row['baseline_rss_mb']:>11.0f} {row['peak_rss_mb']:>11.0f} {heap}",
            flush=True,
        )


if __name__ == "__main__":
    main()

"""Peak memory of `quotegrab extract` on 2,000 articles against 200: streaming means they should match.

    .venv/bin/python benchmarks/memory.py                   # 200 vs 2000 synthetic articles, 1 job
    .venv/bin/python benchmarks/memory.py --jobs 2 --small 100 --large 1000

Each batch runs the real CLI as a subprocess of a fresh helper process, which reports ru_maxrss of its
waited-for descendants: the peak resident size of the largest of them, so the two figures do not
contaminate each other. With --jobs > 1 that is the parent CLI process (the one that streams and
holds the in-flight window); the workers are children of multiprocessing's fork server, which the
CLI does not wait for, so their memory is not in the figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CLI, ROOT, make_corpus  # noqa: E402

HELPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": done.returncode, "seconds": time.perf_counter() - start,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "stderr": done.stderr[-500:]}))
"""


def peak(folder: Path, out: Path, jobs: int) -> dict:
    cmd = [*CLI, "extract", str(folder), "-o", str(out), "-j", str(jobs)]
    done = subprocess.run([sys.executable, "-c", HELPER, *cmd], capture_output=True, text=True, cwd=ROOT)
    result = json.loads(done.stdout)
    if result["rc"] not in (0, 1):
        sys.exit(f"CLI failed: {result['stderr']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--paragraphs", type=int, default=6, help="paragraphs per synthetic article")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="qg-mem-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        make_corpus(work / "large", args.large, args.paragraphs)
        small = work / "small"
        small.mkdir()
        for path in sorted((work / "large").iterdir())[: args.small]:
            (small / path.name).symlink_to(path)
        made = time.perf_counter() - started
        print(f"corpus: synthetic, {args.paragraphs} paragraphs each; made in {made:.1f} s")
        figures = {}
        for name, folder in (("small", small), ("large", work / "large")):
            count = args.small if name == "small" else args.large
            result = peak(folder, work / f"{name}.jsonl", args.jobs)
            lines = sum(1 for _ in (work / f"{name}.jsonl").open(encoding="utf-8"))
            figures[name] = result["maxrss_kb"]
            print(f"{count:6d} articles, {args.jobs} job(s): peak RSS {result['maxrss_kb'] / 1024:7.1f} MiB, "
                  f"{result['seconds']:6.1f} s, {lines} output lines")
        print(f"ratio large/small: {figures['large'] / figures['small']:.2f}")


if __name__ == "__main__":
    main()

"""Throughput of `quotegrab extract` on a Dask LocalCluster of 2 workers against the local `--jobs 2`.

    .venv/bin/python benchmarks/dask_throughput.py                # PolNeAR train texts if present, else synthetic
    .venv/bin/python benchmarks/dask_throughput.py --synthetic --limit 300 --rounds 3

Reported, for the same folder, each the real command as a subprocess (articles/s, best of --rounds,
configurations interleaved so that a busy machine penalises all of them alike):
  * --jobs 2                the local process pool.
  * --scheduler local:2     a LocalCluster started (and stopped) by the command itself.
  * --scheduler tcp://...   a warm LocalCluster of 2 workers started once by this script, as a standing
                            cluster would be: no cluster start-up nor model loading in the timing.
Both wall clock and net of start-up (the same command on one tiny article) are shown; long batches
converge to the latter. Outputs must be identical. Needs `pip install -e '.[dask]'`. The corpus is
symlinked into a temporary folder; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import make_corpus  # noqa: E402  (the same synthetic articles as the local benchmark)

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
CLI = [sys.executable, "-m", "quotegrab.cli"]


def corpus(args: argparse.Namespace, work: Path) -> tuple[Path, str]:
    if not args.synthetic and POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))[: args.limit]
        folder = work / "polnear"
        folder.mkdir()
        for f in files:
            (folder / f.name).symlink_to(f)
        return folder, f"PolNeAR train, first {len(files)} texts"
    make_corpus(work / "synthetic", args.limit)
    return work / "synthetic", f"{args.limit} synthetic news-like articles"


def cli(paths: list[str], options: list[str], out: Path, *, all_ok: bool = False) -> float:
    cmd = [*CLI, "extract", *paths, "-o", str(out), *options]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    # Exit 1 is also a run that failed part-way (an unreachable cluster): only input failures may pass.
    if done.returncode not in ((0,) if all_ok else (0, 1)) or "quotegrab: error:" in done.stderr:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--synthetic", action="store_true", help="synthetic articles even if PolNeAR exists")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each configuration; the best counts")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    model = ["-m", args.model] if args.model else []
    with tempfile.TemporaryDirectory(prefix="qg-dask-bench-") as tmp:
        work = Path(tmp)
        folder, label = corpus(args, work)
        n = sum(1 for _ in folder.iterdir())
        tiny = work / "tiny.txt"
        tiny.write_text('"We will win," Smith said.\n', encoding="utf-8")
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.ERROR) as cluster,
            Client(cluster, set_as_default=False),
        ):
            configs = {
                "--jobs 2": ["-j", "2"],
                "--scheduler local:2": ["--scheduler", "local:2"],
                "--scheduler tcp:// (warm cluster)": ["--scheduler", cluster.scheduler_address],
            }
            # Loads the model into the standing cluster's workers, as its first user would.
            cli([str(tiny)], [*configs["--scheduler tcp:// (warm cluster)"], *model], work / "warm.jsonl",
                all_ok=True)
            print(f"corpus: {label}: {n} articles; {os.cpu_count()} CPUs, load average "
                  f"{os.getloadavg()[0]:.2f}")
            best: dict[str, tuple[float, float]] = {}
            for _ in range(args.rounds):
                for i, (name, options) in enumerate(configs.items()):
                    startup = cli([str(tiny)], [*options, *model], work / "tiny.jsonl", all_ok=True)
                    wall = cli([str(folder)], [*options, *model], work / f"out{i}.jsonl")
                    if name not in best or wall < best[name][0]:
                        best[name] = (wall, startup)
            outputs = {(work / f"out{i}.jsonl").read_bytes() for i in range(len(configs))}

    print(f"\n{'':36} {'wall s':>7} {'articles/s':>11} {'start-up s':>11} {'net articles/s':>15}")
    for name, (wall, startup) in best.items():
        print(f"{name:36} {wall:7.1f} {n / wall:11.2f} {startup:11.1f} {n / max(wall - startup, 1e-9):15.2f}")
    print(f"\noutputs identical: {len(outputs) == 1}")


if __name__ == "__main__":
    main()

"""Throughput of `quotegrab extract` with 1 and 2 jobs against bare `nlp.pipe`, same model, same texts.

    .venv/bin/python benchmarks/throughput.py                 # PolNeAR train texts if present, else synthetic
    .venv/bin/python benchmarks/throughput.py --synthetic --limit 300
    .venv/bin/python benchmarks/throughput.py --split dev       # only the time per component, on PolNeAR dev

Reported, in one run:
  * per component        each component of the pipeline (tokenizer, spaCy's, quotegrab's) over the same
                         texts, each stage batched as nlp.pipe batches it: what quotegrab's own rules cost
                         beside the parse they read, as a share of the whole.
  * bare nlp.pipe        the loaded quotegrab pipeline over the texts already in memory (no reading, no
                         serialisation); the ceiling. (Also the spaCy model alone, for what the engine
                         itself costs.)
  * in-process, 1 job    what `extract` does after start-up: read files, batch.run, write JSONL.
  * CLI, N jobs          the real command as a subprocess, wall clock, and also net of start-up (the same
                         command on one tiny article), which is what long batches converge to.
The corpus is read from its folder (symlinked into a temporary folder when limited); nothing is copied
into the repository.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_SPLITS = ROOT.parent / "shared" / "data" / "polnear"
POLNEAR = POLNEAR_SPLITS / "train" / "text"
CLI = [sys.executable, "-m", "quotegrab.cli"]

FIRST = ["Maria", "John", "Aisha", "Peter", "Linda", "Kwame", "Sofia", "Daniel", "Mei", "Omar"]
LAST = ["Lopez", "Carter", "Khan", "Novak", "Osei", "Brennan", "Tanaka", "Haddad", "Fischer", "Moreau"]
ROLES = ["the mayor", "a spokesman for the ministry", "the union leader", "the senator", "a local resident"]
ORGS = ["the Department of Transportation", "Acme Holdings", "the city council", "the World Bank"]
TOPICS = ["the new bridge", "the housing plan", "the budget deficit", "the school reform", "the trade deal"]
VERBS = ["said", "told reporters", "added", "warned", "argued", "explained", "insisted"]


def synthesize(i: int, paragraphs: int = 8, seed: int = 0) -> str:
    """A news-like article: headline, dateline, direct, mixed and indirect quotes, background prose."""
    rng = random.Random(seed * 100_003 + i)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    topic = rng.choice(TOPICS)
    lines = [f"{topic.capitalize()} divides {rng.choice(ORGS)} ({i})", ""]
    lines.append(
        f"WASHINGTON - {people[0]}, {rng.choice(ROLES)}, said on Tuesday that {topic} would go ahead "
        f"despite objections from {rng.choice(ORGS)}."
    )
    for p in range(paragraphs):
        who = people[p % 3]
        surname = who.split()[1]
        kind = rng.randrange(4)
        if kind == 0:
            text = (f'"We have waited long enough for {topic}, and the people of this district deserve '
                    f'better," {surname} {rng.choice(VERBS)}. "This is not the end of the story."')
        elif kind == 1:
            text = (f'{who} described the proposal as "reckless and unaffordable" and said the costs '
                    f"had risen by {rng.randint(5, 60)} percent since last year.")
        elif kind == 2:
            text = (f"According to {rng.choice(ORGS)}, {topic} will cost about {rng.randint(2, 900)} million "
                    f"dollars over {rng.randint(2, 10)} years, and construction could begin in the spring.")
        else:
            text = (f"The debate continued late into the evening. Several residents left before the vote, "
                    f"and {surname} did not respond to a request for comment on {topic}.")
        lines += ["", text]
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, count: int, paragraphs: int = 8) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(synthesize(i, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


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


class Timer:
    """Wall-clock and CPU seconds of a block: CPU time (this process plus waited-for children) is
    what a configuration costs even when other work on the machine competes for the cores."""

    def __enter__(self) -> Timer:
        self.wall0 = time.perf_counter()
        self.cpu0 = _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = _cpu() - self.cpu0


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def per_component(texts: list[str], model: str | None, rounds: int = 1, batch: int = 8) -> dict[str, float]:
    """CPU seconds of each component over all `texts` (the best of `rounds`), the tokenizer first. The
    texts go through in batches of `batch`, as nlp.pipe sends them, every component timed on each batch
    in turn: a stretch of load from other work on the machine then falls on all components alike,
    instead of on whichever one was running through the whole corpus at the time."""
    from quotegrab.engine.pipeline import load

    nlp = load(model)
    list(nlp.pipe(texts[:4]))
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
        for first in range(0, len(texts), batch):
            start = time.process_time()
            docs = [nlp.make_doc(text) for text in texts[first : first + batch]]
            spent["tokenizer"] += time.process_time() - start
            for name, component in nlp.pipeline:
                start = time.process_time()
                if hasattr(component, "pipe"):
                    docs = list(component.pipe(docs, batch_size=batch))
                else:
                    docs = [component(doc) for doc in docs]
                spent[name] += time.process_time() - start
        best = {name: min(best.get(name, float("inf")), secs) for name, secs in spent.items()}
    return best


def print_split(spent: dict[str, float], label: str) -> None:
    total = sum(spent.values())
    print(f"time per component, {label} (CPU seconds, best round):")
    for name, secs in spent.items():
        print(f"  {name:24} {secs:8.2f} s {100 * secs / total:6.1f}%")
    own = sum(secs for name, secs in spent.items() if name.startswith("quotegrab"))
    print(f"  {'quotegrab (its own share)':24} {own:8.2f} s {100 * own / total:6.1f}%  of {total:.2f} s\n")


def bare_pipe(texts: list[str], model: str | None) -> Timer:
    from quotegrab.engine.pipeline import load

    nlp = load(model)
    list(nlp.pipe(texts[:4]))  # warm-up: first-call allocations
    with Timer() as timer:
        for doc in nlp.pipe(texts, batch_size=8):
            doc._.quotegrab_document("x")
    return timer


def base_model(texts: list[str], model: str | None) -> Timer:
    """The spaCy model alone, without quotegrab's components: what the engine itself costs."""
    import spacy

    from quotegrab.engine.pipeline import default_model

    nlp = spacy.load(model or default_model())
    list(nlp.pipe(texts[:4]))
    with Timer() as timer:
        for _ in nlp.pipe(texts, batch_size=8):
            pass
    return timer


def in_process(folder: Path, model: str | None, out: Path) -> Timer:
    from quotegrab.engine.pipeline import load
    from quotegrab.running import batch, writers
    from quotegrab.running.inputs import iter_inputs

    nlp = load(model)
    with Timer() as timer, out.open("w", encoding="utf-8") as stream:
        writer = writers.JsonlWriter(stream)
        for result in batch.run(iter_inputs([str(folder)]), nlp=nlp):
            writer.write(result)
    return timer


def cli(paths: list[str], jobs: int, out: Path, model: str | None) -> Timer:
    """The real command. CPU time is complete for 1 job only: worker processes are children of the
    multiprocessing fork server, which the CLI does not wait for."""
    cmd = [*CLI, "extract", *paths, "-o", str(out), "-j", str(jobs)] + (["-m", model] if model else [])
    with Timer() as timer:
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        sys.exit(f"CLI failed ({done.returncode}): {done.stderr}")
    return timer


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--synthetic", action="store_true", help="synthetic articles even if PolNeAR exists")
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=1, help="rounds; each configuration keeps its best")
    parser.add_argument("--split", choices=("dev", "train"), help="only the time per component, on a PolNeAR split")
    args = parser.parse_args()
    if args.split:
        folder = POLNEAR_SPLITS / args.split / "text"
        if not folder.is_dir():
            sys.exit(f"PolNeAR {args.split} not found at {folder}")
        texts = [f.read_bytes().decode("utf-8") for f in sorted(folder.glob("*.txt"))]
        print_split(per_component(texts, args.model, max(args.repeat, 1)), f"PolNeAR {args.split}, {len(texts)} texts")
        return

    with tempfile.TemporaryDirectory(prefix="qg-bench-") as tmp:
        work = Path(tmp)
        folder, label = corpus(args, work)
        files = sorted(folder.iterdir())
        texts = [f.read_text(encoding="utf-8") for f in files]
        n = len(texts)
        chars = sum(map(len, texts))
        print(f"corpus: {label}: {n} articles, {chars / n:,.0f} characters on average; {os.cpu_count()} CPUs,"
              f" load average {os.getloadavg()[0]:.2f}")
        print_split(per_component(texts, args.model), label)
        tiny = work / "tiny.txt"
        tiny.write_text('"We will win," Smith said.\n', encoding="utf-8")

        # Configurations are interleaved and each keeps its best round (wall and CPU separately), so a
        # burst of load from elsewhere on the machine does not land on one configuration only.
        wall: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def keep(name: str, timer: Timer, startup: Timer | None = None) -> None:
            w, c = timer.wall, timer.cpu
            if startup is not None:  # net of interpreter start-up and model loading
                w, c = w - startup.wall, c - startup.cpu
            wall[name] = min(wall.get(name, float("inf")), w)
            cpu[name] = min(cpu.get(name, float("inf")), c)

        for _ in range(args.repeat):
            keep("base", base_model(texts, args.model))
            keep("bare", bare_pipe(texts, args.model))
            keep("in-process", in_process(folder, args.model, work / "ip.jsonl"))
            for jobs in (1, 2):
                startup = cli([str(tiny)], jobs, work / "tiny.jsonl", args.model)
                run = cli([str(folder)], jobs, work / f"cli{jobs}.jsonl", args.model)
                keep(f"cli{jobs}-gross", run)
                keep(f"cli{jobs}", run, startup)
        one = (work / "cli1.jsonl").read_text(encoding="utf-8").splitlines()
        two = (work / "cli2.jsonl").read_text(encoding="utf-8").splitlines()
        differing = sum(a != b for a, b in zip(one, two, strict=False)) + abs(len(one) - len(two))

    print(f"  (load average at the end: {os.getloadavg()[0]:.2f})\n")
    rows = [
        ("bare nlp.pipe (in memory)", "bare", True),
        ("spaCy model alone (no quotegrab)", "base", True),
        ("quotegrab in-process, 1 job", "in-process", True),
        ("quotegrab CLI, 1 job, start to end", "cli1-gross", True),
        ("quotegrab CLI, 1 job, net of start-up", "cli1", True),
        ("quotegrab CLI, 2 jobs, start to end", "cli2-gross", False),
        ("quotegrab CLI, 2 jobs, net of start-up", "cli2", False),
    ]
    print(f"{'':40} {'articles/s':>10} {'vs bare':>8} {'per CPU-s':>10} {'vs bare':>8}")
    for name, key, has_cpu in rows:
        rate, per_cpu = n / wall[key], n / cpu[key]
        cpu_text = f"{per_cpu:10.2f} {per_cpu / (n / cpu['bare']):8.2f}" if has_cpu else f"{'-':>10} {'-':>8}"
        print(f"{name:40} {rate:10.2f} {rate / (n / wall['bare']):8.2f} {cpu_text}")
    print(f"\n2 jobs vs 1 job (net of start-up, wall clock): {wall['cli1'] / wall['cli2']:.2f}x")
    # (When the engine is edited while this runs, the two runs used different code: re-run.)
    print(f"jobs=2 output identical to jobs=1: {differing == 0}"
          + (f" ({differing} of {len(one)} lines differ)" if differing else ""))


if __name__ == "__main__":
    main()

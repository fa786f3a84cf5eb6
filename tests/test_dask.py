"""Running on a Dask cluster: one real LocalCluster of two worker processes for the whole module.

The cluster's output must be the local run's output byte for byte, error records and order included;
a worker killed mid-run must cost nothing. The worker-killing test comes last, since the worker it
kills is replaced by a fresh one.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

from quotegrab.cli import app  # noqa: E402
from quotegrab.engine.contract import Document, ErrorRecord  # noqa: E402

runner = CliRunner()
PEOPLE = ["Smith", "Maria Lopez", "John Carter", "Aisha Khan"]
ARTICLES = 12


def article(i: int) -> str:
    name = PEOPLE[i % len(PEOPLE)]
    return (
        f'"We will win vote number {i}," {name} said on Monday.\n\n'
        f"The council meets again next week to discuss plan {i}.\n\n"
        f'"It is not over," {name.split()[-1]} added.\n'
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[LocalCluster, Client]]:
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                     silence_logs=logging.ERROR) as local,
        Client(local, set_as_default=False) as client,
    ):
        yield local, client


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding news/: articles the workers read, a JSON Lines file the client reads, and inputs
    that fail on either side (binary, empty, an empty record)."""
    root = tmp_path_factory.mktemp("dask")
    news = root / "news"
    (news / "more").mkdir(parents=True)
    for i in range(ARTICLES):
        folder = news / "more" if i % 4 == 3 else news
        (folder / f"a{i:02d}.txt").write_text(article(i), encoding="utf-8")
    (news / "b-binary.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00" * 20)
    (news / "c-empty.txt").write_bytes(b"")
    (news / "d.html").write_text(f"<html><body><article><p>{article(99)}</p></article></body></html>",
                                 encoding="utf-8")
    records = [{"id": "r1", "text": article(50), "url": "https://example.com/r1"}, {"text": " "}]
    (news / "e.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return root


@pytest.fixture()
def here(base: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Relative paths on purpose: the workers' working directory is not this one.
    monkeypatch.chdir(base)
    return base


@pytest.fixture(scope="module")
def local_output(base: Path) -> str:
    """What a local run writes for news/, run from `base` as every test here runs."""
    previous = os.getcwd()
    os.chdir(base)
    try:
        result = runner.invoke(app, ["extract", "news", "-o", "local.jsonl"], catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code == 1, result.output
    return (base / "local.jsonl").read_text(encoding="utf-8")


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def sources(jsonl: str) -> list[str]:
    return [json.loads(line)["source"] for line in jsonl.splitlines()]


def test_cli_on_the_cluster_writes_exactly_the_local_output(cluster, here: Path, local_output: str) -> None:
    local, _ = cluster
    result = invoke("extract", "news", "-o", "cluster.jsonl", "--scheduler", local.scheduler_address)
    assert result.exit_code == 1, result.output
    assert (here / "cluster.jsonl").read_text(encoding="utf-8") == local_output

    lines = [json.loads(line) for line in local_output.splitlines()]
    assert len(lines) == ARTICLES + 5  # + binary, empty, html, 2 records
    errors = {line["source"]: line["error"]["type"] for line in lines if "error" in line}
    assert errors == {"news/b-binary.txt": "binary", "news/c-empty.txt": "empty", "news/e.jsonl#2": "empty"}
    assert sources(local_output)[:3] == ["news/a00.txt", "news/a01.txt", "news/a02.txt"]
    first = Document.model_validate(lines[0])
    assert first.quotes and first.quotes[0].speaker is not None and first.quotes[0].speaker.name == "Smith"
    record = next(line for line in lines if line["source"] == "news/e.jsonl#r1")  # read by the client
    assert record["metadata"]["url"] == "https://example.com/r1"
    assert "news/b-binary.txt" in result.output  # the error line on stderr


def test_resume_on_the_cluster_finishes_a_torn_run(cluster, here: Path, local_output: str) -> None:
    local, _ = cluster
    lines = local_output.splitlines(keepends=True)
    out = here / "resumed.jsonl"
    out.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # killed mid-line
    result = invoke("extract", "news", "-o", str(out), "--resume", "--scheduler", local.scheduler_address)
    assert result.exit_code == 1, result.output
    assert out.read_text(encoding="utf-8") == local_output
    assert "5 skipped" in result.output


def test_extract_bag_maps_texts_and_records_to_documents(cluster) -> None:
    import dask.bag as db

    from quotegrab.running.distributed import extract_bag

    _, client = cluster
    items = [article(0), {"source": "s1", "text": article(1), "title": "T"}, {"id": 7, "text": article(2)},
             {"title": "no text"}, "   ", 42, article(3)]
    bag = extract_bag(db.from_sequence(items, npartitions=3))
    assert bag.npartitions == 3
    out = bag.compute(scheduler=client)

    assert [d["source"] for d in out] == ["<text>", "s1", "7", "<text>", "<text>", "<text>", "<text>"]
    documents = [Document.model_validate(d) for d in out if "error" not in d]
    assert len(documents) == 4 and all(d.quotes for d in documents)
    assert documents[0].quotes[0].speaker.name == "Smith"
    assert documents[1].metadata == {"title": "T"} and documents[2].metadata == {"id": 7}
    assert [ErrorRecord.model_validate(d).error.type for d in out if "error" in d] == ["bad_record", "empty",
                                                                                       "bad_record"]
    # Any dask scheduler gives the same documents; distributed is only needed for a cluster.
    assert bag.compute(scheduler="synchronous") == out
    # Every task so far (CLI runs, bag partitions) shared each worker's one pipeline.
    loads = client.run(lambda: __import__("quotegrab.engine.pipeline").engine.pipeline.load.cache_info().misses)
    assert set(loads.values()) == {1}


def test_scheduler_usage_errors(cluster, here: Path) -> None:
    local, _ = cluster
    for args, message in (
        (["--scheduler", "somewhere"], "tcp://HOST:8786"),
        (["--scheduler", "local:0"], "positive number"),
        (["--scheduler", local.scheduler_address, "-j", "2"], "choose one"),
    ):
        result = invoke("extract", "news", "-o", "x.jsonl", *args)
        assert result.exit_code == 2, result.output
        assert message in result.output
    assert not (here / "x.jsonl").exists()


def test_without_dask_a_plain_run_works_and_scheduler_is_a_usage_error(here: Path) -> None:
    # A fresh interpreter where dask cannot be imported, as after `pip install quotegrab`.
    code = (
        "import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
        "import quotegrab, quotegrab.cli, quotegrab.running.batch, quotegrab.running.distributed\n"
        "from quotegrab.cli import app\n"
        "app(sys.argv[1:])\n"
    )
    cmd = [sys.executable, "-c", code, "extract", "news/a00.txt"]
    plain = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["source"] == "news/a00.txt"
    dask = subprocess.run([*cmd, "--scheduler", "local:2"], capture_output=True, text=True, timeout=120)
    assert dask.returncode == 2
    assert dask.stderr.strip().splitlines() == [
        "quotegrab: error: running on a Dask cluster needs dask and distributed: pip install 'quotegrab[dask]'"
    ]


class Poison(WorkerPlugin):
    """Makes every worker, restarted ones included, die on articles containing POISON: a stand-in for a
    text that crashes native code or exhausts memory."""

    name = "quotegrab-poison"

    def setup(self, worker: object) -> None:
        import quotegrab.running.distributed as qd

        real = qd.process_chunk

        def process_chunk(nlp, items, include_text):  # type: ignore[no-untyped-def]
            if any("POISON" in getattr(item, "text", "") for item in items):
                os._exit(1)
            return real(nlp, items, include_text)

        qd.process_chunk = process_chunk


def test_an_input_that_kills_workers_becomes_one_error_record(cluster, tmp_path: Path) -> None:
    import cloudpickle

    from quotegrab.running import batch
    from quotegrab.running.distributed import iter_refs

    local, client = cluster
    for i in range(6):
        (tmp_path / f"p{i}.txt").write_text("POISON\n" + article(i) if i == 3 else article(i), encoding="utf-8")
    # Defined here, so sent by value: the workers cannot import this test module.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    allowed, local.scheduler.allowed_failures = local.scheduler.allowed_failures, 0  # one death is enough
    client.register_plugin(Poison())
    try:
        results = list(batch.run(iter_refs([str(tmp_path)]), scheduler=local.scheduler_address, chunk_size=3))
    finally:
        local.scheduler.allowed_failures = allowed
        client.unregister_worker_plugin(Poison.name)
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert [Path(r.source).name for r in results] == [f"p{i}.txt" for i in range(6)]
    assert [type(r).__name__ for r in results] == ["Document"] * 3 + ["ErrorRecord"] + ["Document"] * 2
    assert results[3].error.type == "WorkerCrashed"


def test_a_worker_killed_mid_run_loses_no_document(cluster, here: Path, local_output: str) -> None:
    from quotegrab.running import batch
    from quotegrab.running.distributed import iter_refs

    local, client = cluster
    results = batch.run(iter_refs(["news"]), scheduler=local.scheduler_address, chunk_size=1)
    written = [next(results).model_dump_json()]
    # The generator is paused with chunks in flight or finished on the workers, their results not yet
    # fetched: kill, as the kernel's OOM killer would, the worker holding or running the most of them.
    held = Counter({address: len(keys) for address, keys in client.has_what().items()})
    held.update({address: len(keys) for address, keys in client.processing().items()})
    victim, count = held.most_common(1)[0]
    assert count >= 1
    pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    written += [result.model_dump_json() for result in results]

    assert Counter(sources("\n".join(written))) == Counter(sources(local_output))
    assert all(n == 1 for n in Counter(sources(local_output)).values())
    assert "\n".join(written) + "\n" == local_output

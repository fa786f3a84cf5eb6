"""Batch running and output writers, below the CLI: order, laziness, failure isolation, stopping,
resume bookkeeping, atomic files and the speaker tally."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from quotegrab.engine.contract import Document, ErrorRecord, Quote, Span, Speaker, SpeakerRef
from quotegrab.running import batch, local, writers
from quotegrab.running.inputs import Article, InputFailure

SMITH = '"We will win this election," Smith said on Monday.\n'


def articles(n: int, pulled: list[int] | None = None) -> Iterator[Article | InputFailure]:
    for i in range(n):
        if pulled is not None:
            pulled.append(i)
        if i % 5 == 3:
            yield InputFailure(f"bad-{i}", "binary", f"bad-{i}: not text")
        else:
            yield Article(f"doc-{i}", f'"Plan {i} will pass," Smith said.\n', {"id": i})


def test_results_keep_input_order_and_metadata(nlp) -> None:
    results = list(batch.run(articles(12), nlp=nlp, chunk_size=4, include_text=True))
    assert [r.source for r in results] == [f"bad-{i}" if i % 5 == 3 else f"doc-{i}" for i in range(12)]
    for i, result in enumerate(results):
        if i % 5 == 3:
            assert isinstance(result, ErrorRecord) and result.error.type == "binary"
        else:
            assert isinstance(result, Document)
            assert result.metadata["id"] == i and result.text == f'"Plan {i} will pass," Smith said.\n'


def test_inputs_are_read_lazily(nlp) -> None:
    pulled: list[int] = []
    results = batch.run(articles(1000, pulled), nlp=nlp, chunk_size=4)
    next(results)
    assert len(pulled) <= 5  # one chunk (plus the look-ahead that ends it), not the whole stream
    results.close()


def test_one_failing_text_in_a_batch_is_isolated(nlp, monkeypatch) -> None:
    import quotegrab.engine.pipeline as pipeline

    real = pipeline.extract

    def fragile(text: str, source: str = "<text>", nlp=None, **kw) -> Document:
        if "Plan 5 " in text:
            raise ValueError("cannot parse plan 5")
        return real(text, source, nlp, **kw)

    def fragile_many(pairs, nlp=None, batch_size=8, **kw):
        pairs = list(pairs)  # like nlp.pipe: the whole batch fails together
        if any("Plan 5 " in text for _, text in pairs):
            raise ValueError("batch failed")
        for source, text in pairs:
            yield real(text, source, nlp)

    monkeypatch.setattr(pipeline, "extract", fragile)
    monkeypatch.setattr(pipeline, "extract_many", fragile_many)
    results = list(batch.run(articles(10), nlp=nlp, chunk_size=8))
    assert [r.source for r in results][:6] == ["doc-0", "doc-1", "doc-2", "bad-3", "doc-4", "doc-5"]
    failed = {r.source: r.error for r in results if isinstance(r, ErrorRecord)}
    assert failed["doc-5"].type == "ValueError" and failed["doc-5"].message == "cannot parse plan 5"
    assert set(failed) == {"bad-3", "doc-5", "bad-8"}
    assert len(results) == 10


def test_texts_longer_than_max_length_are_processed(nlp) -> None:
    long_text = ("Filler sentence about the weather. " * 40 + "\n\n") * 3 + SMITH
    limit = nlp.max_length
    nlp.max_length = 2000
    try:
        results = list(batch.run([Article("long", long_text, {}), Article("short", SMITH, {})], nlp=nlp))
    finally:
        nlp.max_length = limit
    assert [type(r).__name__ for r in results] == ["Document", "Document"]


def test_should_stop_ends_the_stream_early(nlp) -> None:
    seen: list[str] = []
    for result in batch.run(articles(50), nlp=nlp, chunk_size=4, should_stop=lambda: len(seen) >= 3):
        seen.append(result.source)
    assert len(seen) == 3


def test_should_stop_is_asked_between_the_pieces_of_a_long_text(nlp, monkeypatch) -> None:
    import quotegrab.engine.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PIECE_CHARS", 400)
    long_text = ("Filler sentence about the weather. " * 8 + "\n\n") * 6 + SMITH
    stop = {"now": False}
    pieces: list[int] = []
    real_split = __import__("quotegrab.engine.chunking", fromlist=["split_text"]).split_text

    def split_and_stop(text: str, limit: int):
        for offset, piece in real_split(text, limit):
            pieces.append(offset)
            yield offset, piece
            stop["now"] = True  # asked for once the first piece is done

    monkeypatch.setattr("quotegrab.engine.chunking.split_text", split_and_stop)
    items = [Article("short", SMITH), Article("long", long_text), Article("after", SMITH)]
    results = list(batch.run(items, nlp=nlp, should_stop=lambda: stop["now"]))
    assert [r.source for r in results] == ["short"]
    assert len(pieces) == 2  # the second piece was cut but never parsed; the third never cut
    stop["now"] = False
    pieces.clear()
    monkeypatch.setattr("quotegrab.engine.chunking.split_text", real_split)
    whole = list(batch.run(items, nlp=nlp))
    assert [r.source for r in whole] == ["short", "long", "after"]


# Stand-ins for the worker's model loading and chunk processing: module-level so worker processes can
# unpickle them, and free of spaCy so the pool tests take a second, not a model load per worker.
def _fake_init(model: str | None, debug: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _fake_work(chunk: list, include_text: bool) -> list:
    results = []
    for item in chunk:
        if item.source == "crash":
            os._exit(3)  # what a segfault or the OOM killer looks like from the parent
        results.append(item.to_record() if isinstance(item, InputFailure) else Document(source=item.source))
    return results


def _pool(items, **kw):
    options = {"model": None, "jobs": 2, "chunk_size": 2, "include_text": False,
               "should_stop": lambda: False, "debug": False, "work": _fake_work, "init": _fake_init}
    return local.run_pool(items, **{**options, **kw})


def test_pool_keeps_order_and_a_worker_crash_costs_only_its_input() -> None:
    items = list(articles(14))
    items[6] = Article("crash", "x", {})
    results = list(_pool(items))
    assert [r.source for r in results] == [item.source for item in items]
    assert isinstance(results[6], ErrorRecord) and results[6].error.type == "WorkerCrashed"
    assert all(isinstance(r, Document) for i, r in enumerate(results) if i != 6 and i % 5 != 3)


def test_pool_reads_inputs_lazily_and_stops_on_request() -> None:
    pulled: list[int] = []
    seen: list[str] = []
    for result in _pool(articles(10_000, pulled), should_stop=lambda: len(seen) >= 3):
        seen.append(result.source)
    assert len(seen) == 3
    assert len(pulled) <= (2 * 2 + 2) * 2  # a bounded window of chunks, never the whole input


def test_stats_summary() -> None:
    stats = batch.Stats()
    stats.add(Document(source="a", quotes=[_quote("q1", "direct", "s1")]))
    stats.add(ErrorRecord.model_validate({"source": "b", "error": {"type": "binary", "message": "m"}}))
    assert stats.summary().startswith("1 article, 1 quote, 1 failed")


# --- writers ------------------------------------------------------------------------------------------


def _quote(qid: str, qtype: str, sid: str | None, name: str = "Smith") -> Quote:
    return Quote(id=qid, type=qtype, text="We will win", spans=[Span(start=1, end=12)], cue=None,
                  speaker=SpeakerRef(id=sid, name=name, mention=None, resolved_by="name") if sid else None)


def _doc(source: str, *quotes: tuple[str, str, str]) -> Document:
    qs = [_quote(f"q{i}", qtype, f"s{i}", name) for i, (qtype, name, _) in enumerate(quotes)]
    speakers = [Speaker(id=f"s{i}", name=name, kind=kind) for i, (_, name, kind) in enumerate(quotes)]
    return Document(source=source, quotes=qs, speakers=speakers)


def test_json_writer_object_for_one_array_for_many() -> None:
    for n, expect in ((0, list), (1, dict), (3, list)):
        buffer = io.StringIO()
        writer = writers.JsonWriter(buffer)
        for i in range(n):
            writer.write(Document(source=f"s{i}"))
        writer.close()
        parsed = json.loads(buffer.getvalue())
        assert isinstance(parsed, expect)
        if expect is list:
            assert [d["source"] for d in parsed] == [f"s{i}" for i in range(n)]


def test_csv_rows_follow_the_contract() -> None:
    buffer = io.StringIO()
    writer = writers.CsvWriter(buffer)
    writer.write(_doc("a", ("direct", "Smith", "person"), ("indirect", "Acme Corp", "organization")))
    writer.write(Document(source="empty"))
    writer.write(ErrorRecord.model_validate({"source": "bad", "error": {"type": "binary", "message": "x"}}))
    writer.close()
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [(r["source"], r["type"], r["speaker"], r["speaker_kind"]) for r in rows] == [
        ("a", "direct", "Smith", "person"),
        ("a", "indirect", "Acme Corp", "organization"),
        ("bad", "", "", ""),
    ]
    assert rows[0]["start"] == "1" and rows[0]["end"] == "12"
    assert rows[2]["error_type"] == "binary"


def test_atomic_file_commit_and_discard(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    discarded = writers.AtomicFile(target)
    discarded.stream.write("half")
    assert target.read_text() == "old"
    discarded.discard()
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]
    committed = writers.AtomicFile(target)
    committed.stream.write("new")
    assert target.read_text() == "old"  # not visible before the rename
    committed.commit()
    assert target.read_text() == "new" and list(tmp_path.iterdir()) == [target]


def test_completed_sources_and_torn_line_repair(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "a", "quotes": []}\n{"source": "b", "error": {"type": "t", "message": "m"}}\n'
                   'not json\n{"source": "c", "quo', encoding="utf-8")
    assert writers.completed_sources(out) == {"a", "b"}
    with writers.open_append(out) as stream:
        stream.write('{"source": "c"}\n')
    assert out.read_text().splitlines()[-2:] == ["not json", '{"source": "c"}']
    assert writers.completed_sources(tmp_path / "missing.jsonl") == set()


def test_speaker_tally_merges_by_name_across_documents() -> None:
    tally = batch.SpeakerTally()
    tally.add(_doc("one", ("direct", "Maria Lopez", "person"), ("mixed", "Maria Lopez", "person")))
    tally.add(_doc("two", ("indirect", "maria  lopez", "person"), ("direct", "Acme", "organization")))
    tally.add(ErrorRecord.model_validate({"source": "bad", "error": {"type": "t", "message": "m"}}))
    rows = tally.rows()
    assert [r.name for r in rows] == ["Maria Lopez", "Acme"]
    lopez = rows[0]
    assert (lopez.direct, lopez.mixed, lopez.indirect, lopez.total) == (1, 1, 1, 3)
    assert lopez.articles == ["one", "two"] and lopez.kind == "person"
    assert rows[1].kind == "organization" and rows[1].articles == ["two"]

"""quotegrab.evaluate: exact figures on tiny hand-written brat files, and agreement with the reference
scorers in ../shared/tools on perturbed PolNeAR dev gold (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotegrab import evaluate as ev

SHARED = Path(os.environ.get("QUOTEGRAB_SHARED", Path(__file__).resolve().parents[2] / "shared"))
TOOLS = SHARED / "tools"
DEV = SHARED / "data" / "polnear" / "dev"
needs_shared = pytest.mark.skipif(
    not (TOOLS / "score.py").is_file() or not DEV.is_dir(), reason="no ../shared"
)


# ----------------------------------------------------------------------------------------------------
# Tiny brat files

TEXT = (
    'Smith said: "We will win the race." Later, Jones argued that taxes were too high.\n'
    '"Nothing changes," he added, "unless we act."\n'
)


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


SMITH, SAID, RACE = at("Smith"), at("said"), at('"We will win the race."')
JONES, ARGUED, TAXES = at("Jones"), at("argued"), at("taxes were too high")
HE, ADDED = at("he"), at("added")
NOTHING, UNLESS = at('"Nothing changes,"'), at('"unless we act."')


def ann_line(tid: str, label: str, *pieces: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    return f"{tid}\t{label} {offsets}\t" + " ".join(TEXT[s:e] for s, e in pieces)


ANN = "\n".join(
    [
        ann_line("T1", "Source", SMITH),
        ann_line("T2", "Cue", SAID),
        ann_line("T3", "Content", RACE),
        ann_line("T4", "Attribution", SAID),
        "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3",
        ann_line("T5", "Source", JONES),
        ann_line("T6", "Cue", ARGUED),
        ann_line("T7", "Content", TAXES),
        ann_line("T8", "Attribution", ARGUED),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        ann_line("T9", "Source", HE),
        ann_line("T10", "Cue", ADDED),
        ann_line("T11", "Content", NOTHING, UNLESS),
        ann_line("T12", "Attribution", ADDED),
        "E3\tAttribution:T12 Cue:T10 Source:T9 Content:T11",
        "",
    ]
)


def span(piece: tuple[int, int]) -> dict[str, Any]:
    return {"text": TEXT[piece[0] : piece[1]], "start": piece[0], "end": piece[1]}


def quote(
    qtype: str, *pieces: tuple[int, int], speaker: str | None = None, mention=None, cue=None
) -> dict[str, Any]:
    return {
        "type": qtype,
        "text": " … ".join(TEXT[s:e] for s, e in pieces),
        "spans": [{"start": s, "end": e} for s, e in pieces],
        "cue": span(cue) if cue else None,
        "speaker": None
        if speaker is None
        else {"name": speaker, "mention": span(mention) if mention else None},
    }


@pytest.fixture()
def split_dir(tmp_path: Path) -> Path:
    """PolNeAR layout: text/STEM.txt and attributions/STEM_XXXX.ann (the first in sorted order wins)."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8", newline="")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8", newline="")
    (tmp_path / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")  # second annotator: unused
    return tmp_path


def test_loads_brat_split_with_kinds_and_discontinuous_content(split_dir: Path) -> None:
    [art] = ev.load_brat(split_dir)
    assert art.id == "a"
    assert [(a.kind, a.content, a.source_name) for a in art.attributions] == [
        ("direct", (RACE,), "Smith"),
        ("indirect", (TAXES,), "Jones"),
        ("direct", (NOTHING, UNLESS), "he"),
    ]
    assert art.notes == []


def test_loads_side_by_side_pairs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8", newline="")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8", newline="")
    [art] = ev.load_gold(tmp_path)
    assert len(art.attributions) == 3


def test_direct_match_split_span_miss_false_alarm_wrong_speaker(split_dir: Path) -> None:
    preds = [
        {
            "source": "text/a.txt",
            "quotes": [
                # exact direct quote, right speaker and cue
                quote("direct", RACE, speaker="Smith", mention=SMITH, cue=SAID),
                # the interrupted quote as two pieces, speaker named but gold source is a pronoun: wrong
                quote("direct", NOTHING, UNLESS, speaker="Jones", cue=ADDED),
                # false alarm
                quote("indirect", at("Later, Jones")),
                # the indirect 'taxes' content is not predicted: a miss
            ],
        }
    ]
    result = ev.score(ev.load_brat(split_dir), preds, errors_for="all@0.5")
    d5, d9, a5 = (result.metrics[k] for k in ("direct@0.5", "direct@0.9", "all@0.5"))
    assert (d5["gold"], d5["pred"], d5["tp"]) == (2, 2, 2)
    assert (d5["precision"], d5["recall"], d5["f1"]) == (1.0, 1.0, 1.0)
    assert d5["speaker"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert d5["end_to_end"] == {"tp": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert d5["cue"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert d9 == d5
    assert (a5["gold"], a5["pred"], a5["tp"]) == (3, 3, 2)
    assert (a5["precision"], a5["recall"], a5["f1"]) == (0.6667, 0.6667, 0.6667)
    assert a5["end_to_end"] == {"tp": 1, "precision": 0.3333, "recall": 0.3333, "f1": 0.3333}
    assert a5["recall_by_gold_kind"]["indirect"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert a5["recall_by_gold_kind"]["direct"] == {"correct": 2, "total": 2, "accuracy": 1.0}

    kinds = [(e.kind, e.pieces) for e in result.errors]
    assert kinds == [
        ("false_alarm", [at("Later, Jones")]),
        ("miss", [TAXES]),
        ("wrong_speaker", [NOTHING, UNLESS]),
    ]
    wrong = result.errors[2]
    assert (wrong.gold_speaker, wrong.pred_speaker) == ("he", "Jones")
    assert "⟦" in wrong.context and "\n" not in wrong.context


def test_pronoun_mention_overlapping_gold_source_is_right(split_dir: Path) -> None:
    preds = [{"source": "a", "quotes": [quote("direct", NOTHING, UNLESS, speaker="Smith", mention=HE)]}]
    d5 = ev.score(ev.load_brat(split_dir), preds).metrics["direct@0.5"]
    assert d5["speaker"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_threshold_half_versus_nine_tenths(split_dir: Path) -> None:
    # Most of the quote but not 90% of its trimmed characters: "We will win the" of "We will win the race"
    partial = (RACE[0], TEXT.index(" race", RACE[0]))
    preds = [{"source": "a.txt", "quotes": [quote("direct", partial, speaker="Smith")]}]
    m = ev.score(ev.load_brat(split_dir), preds).metrics
    assert (m["direct@0.5"]["tp"], m["direct@0.5"]["precision"], m["direct@0.5"]["recall"]) == (1, 1.0, 0.5)
    assert m["direct@0.5"]["f1"] == 0.6667
    assert (m["direct@0.9"]["tp"], m["direct@0.9"]["f1"]) == (0, 0.0)
    assert m["direct@0.5"]["cue"] == {"correct": 0, "total": 1, "accuracy": 0.0}


def test_trimming_ignores_quote_marks_and_edge_punctuation(split_dir: Path) -> None:
    inner = at("We will win the race")  # without the marks and the full stop
    preds = [{"source": "a", "quotes": [quote("direct", inner, speaker="Smith")]}]
    assert ev.score(ev.load_brat(split_dir), preds).metrics["direct@0.9"]["tp"] == 1


def test_discard_invalid_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN + ann_line("T20", "Discard", at("Later, Jones argued")) + "\n")
    preds = [
        {"source": "a", "quotes": [quote("indirect", at("Later, Jones")), {"start": 5, "end": 2}]},
        {"source": "elsewhere/b.txt", "quotes": []},
    ]
    m = ev.score(ev.load_gold(tmp_path), preds).metrics
    assert m["info"]["dropped_in_discard"] == 1
    assert m["info"]["invalid_quotes"] == 1
    assert m["info"]["unknown_sources"] == ["elsewhere/b.txt"]
    assert m["all@0.5"]["pred"] == 0


def test_no_gold_source_wants_no_speaker(tmp_path: Path) -> None:
    ann = "\n".join([ann_line("T1", "Content", RACE), "E1\tAttribution:T1 Content:T1", ""])
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.ann").write_text(ann)
    gold = ev.load_gold(tmp_path)
    with_speaker = ev.score(gold, [{"source": "a", "quotes": [quote("direct", RACE, speaker="Smith")]}])
    without = ev.score(gold, [{"source": "a", "quotes": [quote("direct", RACE)]}])
    assert with_speaker.metrics["direct@0.5"]["end_to_end"]["tp"] == 0
    assert without.metrics["direct@0.5"]["end_to_end"]["tp"] == 1
    assert without.metrics["direct@0.5"]["speaker"]["total"] == 0


def test_merge_cue_joins_pieces_sharing_a_cue(split_dir: Path) -> None:
    preds = [
        {
            "source": "a",
            "quotes": [
                quote("direct", NOTHING, speaker="he", mention=HE, cue=ADDED),
                quote("direct", UNLESS, speaker="he", mention=HE, cue=ADDED),
            ],
        }
    ]
    gold = ev.load_brat(split_dir)
    apart = ev.score(gold, preds).metrics
    # One piece matches at 0.5 (15 of 28 characters), neither at 0.9; the other is a false alarm.
    assert (apart["direct@0.5"]["tp"], apart["direct@0.5"]["pred"], apart["direct@0.9"]["tp"]) == (1, 2, 0)
    merged = ev.score(gold, preds, merge_cue=True).metrics["direct@0.9"]
    assert (merged["tp"], merged["pred"], merged["end_to_end"]["tp"]) == (1, 1, 1)


def test_quotegrab_jsonl_as_gold(tmp_path: Path) -> None:
    gold_doc = {
        "source": "a.txt",
        "text": TEXT,
        "quotes": [
            {
                "id": "q1",
                **quote("direct", RACE, speaker="John Smith", mention=SMITH, cue=SAID),
                "speaker": {"id": "s1", "name": "John Smith", "mention": span(SMITH), "resolved_by": "name"},
            },
            {
                "id": "q2",
                **quote("direct", NOTHING, UNLESS, cue=ADDED),
                "speaker": {"id": "s1", "name": "John Smith", "mention": span(HE), "resolved_by": "pronoun"},
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_doc) + "\n")
    # A bare "Smith" with no mention is right by name; the pronoun-mention gold compares with the name too.
    pred = [
        {
            "source": "a.txt",
            "quotes": [
                quote("direct", RACE, speaker="Smith"),
                quote("direct", NOTHING, UNLESS, speaker="Smith"),
            ],
        }
    ]
    m = ev.score(ev.load_gold(path), pred).metrics["direct@0.5"]
    assert (m["tp"], m["end_to_end"]["tp"], m["speaker"]["correct"]) == (2, 2, 2)


def test_evaluate_paths_reads_jsonl_counts_bad_lines_and_saves(split_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    doc = {"source": "a.txt", "quotes": [quote("direct", RACE, speaker="Smith", mention=SMITH, cue=SAID)]}
    pred.write_text(json.dumps(doc) + "\nnot json\n\n[1]\n")
    saved = tmp_path / "saved.jsonl"
    result = ev.evaluate_paths(split_dir, pred, save_pred=saved)
    assert result.metrics["info"]["invalid_lines"] == 2
    assert result.metrics["direct@0.5"]["end_to_end"]["tp"] == 1
    assert [json.loads(line) for line in saved.read_text().splitlines()] == [doc]
    table = ev.format_table(result.metrics)
    assert "DIRECT@0.5" in table and "ALL@0.5" in table


def test_classify_kinds() -> None:
    for text, kind in [
        ("\u201cWe will win,\u201d ", "direct"),
        ("''We're America.''", "direct"),
        ('"A," he said, "and B."', "mixed"),
        ("the code is ''unfair'' and", "mixed"),
        ("that he alone can fix it", "indirect"),
        ("\u2018Enough is enough.\u2019", "direct"),
        ("'Be the voice,' she wrote", "mixed"),
    ]:
        assert ev.classify(text) == kind, text


def test_same_entity() -> None:
    assert ev.same_entity("Donald J. Trump", "Mr. Trump")
    assert ev.same_entity("State Department", "State Department website")
    assert not ev.same_entity("Donald Trump", "Donald Jr.")
    assert not ev.same_entity(None, "Trump")


# ----------------------------------------------------------------------------------------------------
# Agreement with the reference scorers


def run_tool(*args: str | Path) -> str:
    out = subprocess.run(
        [sys.executable, *map(str, args)], capture_output=True, text=True, check=True, cwd=TOOLS
    )
    return out.stdout


def hull(text: str, pieces: Any) -> dict[str, Any] | None:
    if not pieces:
        return None
    s, e = pieces[0][0], pieces[-1][1]
    return {"text": text[s:e], "start": s, "end": e}


def jitter(rng: random.Random, s: int, e: int, n: int, by: int = 12) -> tuple[int, int]:
    s2 = min(max(0, s + rng.randint(-by, by)), n - 1)
    e2 = min(max(s2 + 1, e + rng.randint(-by, by)), n)
    return s2, e2


def perturbed_predictions(articles: list[ev.GoldArticle], seed: int = 7) -> list[Any]:
    """Gold made wrong in every way the scorer distinguishes: missing, shifted, split and hull spans,
    wrong types, speakers right by mention, right or wrong by name, pronouns, none; cues right, off or
    missing; false alarms, invalid quotes, Discard hits, pooled lines, unknown sources, odd objects."""
    rng = random.Random(seed)
    out: list[Any] = []
    names = [a.source_name for art in articles for a in art.attributions if a.source_name]
    for k, art in enumerate(articles):
        text, n, quotes = art.text, len(art.text), []
        for a in art.attributions:
            if rng.random() < 0.15:
                continue
            pieces = [list(p) for p in a.content]
            r = rng.random()
            if r < 0.3:
                pieces = [list(jitter(rng, s, e, n)) for s, e in pieces]
            elif r < 0.4:
                pieces = [[pieces[0][0], pieces[-1][1]]]
            q: dict[str, Any] = {"type": a.kind if rng.random() < 0.8 else rng.choice(ev.KINDS + ("other",))}
            if rng.random() < 0.5:
                q["spans"] = [{"start": s, "end": e} if rng.random() < 0.8 else [s, e] for s, e in pieces]
                q["text"] = text[pieces[0][0] : pieces[-1][1]]
            else:
                q.update(start=pieces[0][0], end=pieces[-1][1], text=text[pieces[0][0] : pieces[-1][1]])
            r = rng.random()
            source = hull(text, list(a.source))
            if r < 0.35:
                q["speaker"] = {"name": a.source_name or "someone", "mention": source}
            elif r < 0.55:
                q["speaker"] = {"name": a.source_name.upper() + " Jr", "mention": None}
            elif r < 0.7:
                q["speaker"] = {"name": rng.choice(names), "mention": None}
            elif r < 0.78:
                q["speaker"] = {"name": rng.choice(["he", "She", "they", "  "]), "mention": None}
            elif r < 0.85:
                q["speaker"] = {"name": "", "mention": source and dict(source, end=source["start"])}
            else:
                q["speaker"] = None if rng.random() < 0.5 else "nobody"
            r = rng.random()
            cue = hull(text, list(a.cue))
            q["cue"] = (
                cue if r < 0.6 else (cue and dict(cue, start=max(0, cue["start"] - 30))) if r < 0.8 else None
            )
            quotes.append(q)
            if len(pieces) > 1 and rng.random() < 0.5:  # split into pieces sharing the cue
                quotes.pop()
                for s, e in pieces:
                    quotes.append({**q, "spans": [{"start": s, "end": e}], "text": text[s:e]})
        for _ in range(rng.randint(0, 4)):
            s = rng.randrange(n)
            e = min(n, s + rng.randint(1, 300))
            quotes.append({"type": rng.choice(ev.KINDS), "start": s, "end": e, "speaker": None, "cue": None})
        if art.discard:
            s, e = art.discard[0]
            quotes.append({"type": "direct", "start": s, "end": e})
        if k % 5 == 0:
            quotes += [
                {"start": 3, "end": 2},
                {"spans": []},
                {"spans": [[1]]},
                "junk",
                {"start": True, "end": 4},
            ]
        rng.shuffle(quotes)
        source = [art.path, art.id, art.id + ".txt", f"some/dir/{art.id}.txt"][k % 4]
        if k % 7 == 0 and len(quotes) > 1:  # one article over two lines
            out.append({"source": source, "quotes": quotes[: len(quotes) // 2]})
            out.append({"source": art.id, "quotes": quotes[len(quotes) // 2 :]})
        else:
            out.append({"source": source, "quotes": quotes if k % 11 else {"not": "a list"}})
    out += [{"source": "no-such-article.txt", "quotes": []}, {"source": None}]
    return out


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agree") / "pred.jsonl"
    preds = perturbed_predictions(ev.load_brat(DEV))
    path.write_text("".join(json.dumps(p) + "\n" for p in preds) + "garbage line\n[]\n", encoding="utf-8")
    return path


@needs_shared
@pytest.mark.parametrize("merge_cue", [False, True])
def test_agrees_with_reference_scorer_on_dev(dev_predictions: Path, merge_cue: bool) -> None:
    args = ["score.py", "--gold", DEV, "--pred", dev_predictions, "--json"] + (["--merge-cue"] * merge_cue)
    reference = json.loads(run_tool(*args))
    ours = ev.evaluate_paths(DEV, dev_predictions, merge_cue=merge_cue).metrics
    # The perturbations must reach every branch, or agreement would prove little.
    assert 0 < ours["direct@0.5"]["tp"] < ours["direct@0.5"]["gold"]
    assert ours["direct@0.9"]["tp"] < ours["direct@0.5"]["tp"]
    assert 0 < ours["all@0.5"]["end_to_end"]["tp"] < ours["all@0.5"]["tp"]
    assert all(
        ours["info"][k] for k in ("invalid_quotes", "dropped_in_discard", "unknown_sources", "invalid_lines")
    )
    assert json.loads(json.dumps(ours)) == reference


@needs_shared
def test_agrees_with_reference_scorer_on_gold_as_predictions(tmp_path: Path) -> None:
    articles = ev.load_brat(DEV)
    preds = [
        {
            "source": art.path,
            "quotes": [
                {
                    "type": a.kind,
                    "spans": [{"start": s, "end": e} for s, e in a.content],
                    "cue": hull(art.text, list(a.cue)),
                    "speaker": {"name": a.source_name, "mention": hull(art.text, list(a.source))}
                    if a.source
                    else None,
                }
                for a in art.attributions
            ],
        }
        for art in articles
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in preds))
    reference = json.loads(run_tool("score.py", "--gold", DEV, "--pred", path, "--json"))
    ours = ev.evaluate_paths(DEV, path).metrics
    assert ours["direct@0.5"]["f1"] == ours["all@0.5"]["f1"] == 1.0
    assert json.loads(json.dumps(ours)) == reference


@needs_shared
def test_seed_agrees_with_reference(tmp_path: Path) -> None:
    gold_path = SHARED / "data" / "seed" / "trump-convicts.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = ev.read_text(gold_path.parent / gold["source"])
    rng = random.Random(3)
    for trial in range(6):
        quotes = []
        for g in gold["quotes"]:
            if rng.random() < 0.2:
                continue
            s, e = jitter(rng, g["start"], g["end"], len(text), by=25)
            speaker = rng.choice([g["speaker"], "Trump", "Rubio", None, "he"])
            qtype = g["type"] if rng.random() < 0.8 else rng.choice(ev.KINDS)
            piece: Any = {"start": s, "end": e} if trial % 2 else [s, e]
            quotes.append({"type": qtype, "spans": [piece], "speaker": speaker and {"name": speaker}})
        quotes.append({"type": "direct", "start": 0, "end": len(text), "speaker": None})
        pred = tmp_path / f"seed{trial}.json"
        pred.write_text(json.dumps({"source": gold["source"], "quotes": quotes}))
        line = run_tool("score_seed.py", gold_path, pred).strip().splitlines()[-1]
        result = ev.score_seed(gold, {"quotes": quotes}, text)
        counts = f"{result.right}/{result.total} right, {result.found} found, {result.predicted} predicted"
        assert line == f"seed: {counts}"


@needs_shared
def test_resolution_agrees_with_reference(tmp_path: Path) -> None:
    gold_path = SHARED / "data" / "polnear" / "dev-resolution.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(5)
    docs: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        mention = {"text": g["source_text"], "start": g["source_start"], "end": g["source_end"]}
        name = rng.choice(
            [g["canonical"], (g["canonical"] or "x").split()[-1], g["source_text"], "Somebody Else"]
        )
        r = rng.random()
        q = {
            "type": "indirect",
            "spans": [{"start": g["content_start"], "end": g["content_end"]}],
            "speaker": {"name": name, "mention": mention if r < 0.6 else None} if r < 0.9 else None,
        }
        if rng.random() > 0.1:
            docs.setdefault(g["article"], []).append(q)
    pred = tmp_path / "res.jsonl"
    pred.write_text(
        "".join(json.dumps({"source": f"x/{k}.txt", "quotes": v}) + "\n" for k, v in docs.items())
    )
    line = run_tool("score_resolution.py", gold_path, pred).strip().splitlines()[-1]
    result = ev.score_resolution(gold, [json.loads(x) for x in pred.read_text().splitlines()])
    n, r = sum(result.total.values()), sum(result.right.values())
    kinds = ", ".join(f"{k} {result.right[k]}/{result.total[k]}" for k in sorted(result.total))
    assert 0 < r < n
    assert line == f"resolution: accuracy {result.accuracy:.3f} ({r}/{n}), by kind {kinds}"


def test_context_line_marks_span_on_one_line() -> None:
    line = ev.context_line(TEXT, [NOTHING, UNLESS])
    assert line.startswith('⟦"Nothing') and "he added" in line and line.endswith('act."⟧')
    assert re.search(r"Smith", line) is None  # the previous line is not context


# ----------------------------------------------------------------------------------------------------
# The command


def test_cli_table_json_and_errors(split_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotegrab.cli import app

    pred = tmp_path / "pred.jsonl"
    doc = {"source": "a.txt", "quotes": [quote("direct", RACE, speaker="Smith", mention=SMITH, cue=SAID)]}
    pred.write_text(json.dumps(doc) + "\n")
    runner = CliRunner()

    table = runner.invoke(app, ["evaluate", str(split_dir), str(pred)])
    assert table.exit_code == 0, table.output
    assert re.search(r"DIRECT@0\.5\s+2\s+1\s+1\s+1\.000\s+0\.500\s+0\.667", table.output)

    out = runner.invoke(app, ["evaluate", str(split_dir), str(pred), "--json", "--errors"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["all@0.5"]["end_to_end"]["tp"] == 1
    assert [e["kind"] for e in data["errors"]["items"]] == ["miss", "miss"]

    listed = runner.invoke(
        app, ["evaluate", str(split_dir), str(pred), "--errors", "--setting", "DIRECT@0.5"]
    )
    assert listed.exit_code == 0
    assert "errors at DIRECT@0.5: 1" in listed.output and "MISS" in listed.output

    bad = runner.invoke(app, ["evaluate", str(tmp_path / "missing"), str(pred)])
    assert bad.exit_code == 2


def test_cli_runs_quotegrab_on_gold_texts_and_saves_predictions(split_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotegrab.cli import app

    saved = tmp_path / "pred.jsonl"
    out = CliRunner().invoke(app, ["evaluate", str(split_dir), "--json", "--save-pred", str(saved)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["info"]["pred_articles"] == 1
    [doc] = [json.loads(line) for line in saved.read_text().splitlines()]
    assert doc["source"].endswith("a.txt") and isinstance(doc["quotes"], list)
    # Scoring the saved file gives the same figures as the run that wrote it.
    again = ev.evaluate_paths(split_dir, saved).metrics
    assert json.loads(out.output) == json.loads(json.dumps(again))

"""Accuracy against annotated attributions.

The definitions are those of the project's reference scorer (PolNeAR's `score.py`): figures quoted for
quotegrab anywhere must be comparable with figures measured by that tool, so every detail that moves a
number (trimming, tie-breaking, Discard handling, rounding) follows it exactly.

- Content is compared as sets of character offsets after trimming quote marks, whitespace and edge
  punctuation from both ends of every piece; gold and predicted quotes are paired greedily one-to-one,
  best |overlap| / |union| first.
- Three settings: DIRECT@0.5 and DIRECT@0.9 (gold direct quotes against predicted ``direct`` quotes) and
  ALL@0.5 (every attribution against every quote).
- On the matched pairs: speaker accuracy (gold with a source), cue accuracy (gold with a cue) and
  end-to-end P/R/F1, where a pair counts only when the speaker is right as well.

Gold is a brat folder (a PolNeAR split with ``text/`` and ``attributions/``, or ``.txt`` and ``.ann``
files side by side) or quotegrab's own JSONL. This module never prints: the CLI renders its results.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotegrab.engine.contract import Document

Piece = tuple[int, int]

QUOTE_CHARS = "\u201c\u201d\u2018\u2019\"'`\u00ab\u00bb"
EDGE_PUNCT = ",.;:!?\u2014\u2013-\u2026()[]"
TRIM = QUOTE_CHARS + EDGE_PUNCT
# A speaker named only by a pronoun says nothing about who spoke, so it never wins a name comparison.
_PRONOUN_WORDS = (
    "i me my we us our you your he him his she her it its they them their who whom whose which that "
    "this these those one someone somebody"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class Setting:
    name: str
    direct_only: bool
    threshold: float


SETTINGS = (
    Setting("direct@0.5", True, 0.5),
    Setting("direct@0.9", True, 0.9),
    Setting("all@0.5", False, 0.5),
)
SETTING_NAMES = tuple(s.name for s in SETTINGS)


class EvaluationError(ValueError):
    """The gold or the predictions cannot be read."""


# ----------------------------------------------------------------------------------------------------
# Gold


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[Piece, ...]
    source: tuple[Piece, ...]
    cue: tuple[Piece, ...]
    kind: str
    # What a predicted speaker name is compared with: the Source text in brat, the canonical name in
    # quotegrab JSONL (whose mention may be a pronoun the name resolves).
    source_name: str
    has_source: bool


@dataclass
class GoldArticle:
    id: str
    path: str
    text: str
    attributions: list[GoldAttribution]
    discard: list[Piece] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def strip_edges(text: str, chars: str) -> tuple[int, int]:
    """(start, end) of `text` without whitespace and `chars` at either end."""
    s, e = 0, len(text)
    while s < e and (text[s] in chars or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in chars or text[e - 1].isspace()):
        e -= 1
    return s, e


_OPENERS = {"``": "''", "''": "''", "\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}
# Accepted only as the very first character: typos and headline style (”Fear..., 'Be the voice...).
_OPENERS_AT_START = {"\u201d": "\u201d", "'": "'"}


def _closer_end(text: str, i: int, closer: str) -> int:
    """Index just past the mark closing a quote opened before `i`; an unclosed quote runs to the end."""
    while True:
        j = text.find(closer, i)
        if j < 0:
            return len(text)
        # A single quote between letters is an apostrophe (don't), not a closer.
        if (
            closer in ("\u2019", "'")
            and 0 < j < len(text) - 1
            and text[j - 1].isalpha()
            and text[j + 1].isalpha()
        ):
            i = j + 1
            continue
        return j + len(closer)


def quoted_regions(text: str) -> list[Piece]:
    """Top-level quoted passages, marks included."""
    out: list[Piece] = []
    i = 0
    while i < len(text):
        openers = {**_OPENERS, **_OPENERS_AT_START} if i == 0 else _OPENERS
        opener = next((o for o in openers if text.startswith(o, i)), None)
        if opener is None:
            i += 1
            continue
        end = _closer_end(text, i + len(opener), openers[opener])
        out.append((i, end))
        i = end
    return out


def classify(content: str) -> str:
    """direct / mixed / indirect from the content's own text: direct when it opens with a quotation
    mark and quoted passages cover at least 90% of its non-space characters."""
    s, e = strip_edges(content, EDGE_PUNCT)
    t = content[s:e]
    regions = quoted_regions(t)
    if not regions:
        return "indirect"

    def nonspace(u: str) -> int:
        return sum(not c.isspace() for c in u)

    covered = sum(nonspace(t[a:b]) for a, b in regions)
    return "direct" if regions[0][0] == 0 and covered >= 0.9 * nonspace(t) else "mixed"


def pieces_text(text: str, pieces: Iterable[Piece], sep: str = " ") -> str:
    return sep.join(text[s:e] for s, e in pieces)


def inside(pieces: Iterable[Piece], regions: Iterable[Piece]) -> float:
    """Fraction of the characters of `pieces` that fall inside `regions`."""
    chars = {i for s, e in pieces for i in range(s, e)}
    region_chars = {i for s, e in regions for i in range(s, e)}
    return len(chars & region_chars) / max(len(chars), 1)


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")
_E_LINE = re.compile(r"^E\d+\t")
_ID_LINE = re.compile(r"^[TERAMN#*]\d*\t")


def read_text(path: str | os.PathLike[str]) -> str:
    # newline='' because brat offsets count a CRLF as two characters.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def parse_ann(ann: str, text: str, name: str = "") -> tuple[list[GoldAttribution], list[Piece], list[str]]:
    """Attributions, Discard spans and loader notes of one brat .ann file's contents."""
    entities: dict[str, tuple[str, list[Piece]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    notes: list[str] = []
    lines = ann.split("\n")
    for k, line in enumerate(lines):
        m = _T_LINE.match(line)
        if m:
            tid, label, offsets, span_text = m.groups()
            # A span whose text holds newlines continues on the following raw lines.
            for cont in lines[k + 1 :]:
                if _ID_LINE.match(cont):
                    break
                span_text += "\n" + cont
            spans = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
            if pieces_text(text, spans) != span_text.rstrip("\n"):  # brat joins pieces with one space
                notes.append(f"{name} {tid}: span text mismatch")
            entities[tid] = (label, spans)
        elif _E_LINE.match(line):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split() if ":" in a)
            events.append((line.split("\t")[0], args))
    discard = [p for label, spans in entities.values() if label == "Discard" for p in spans]

    attributions: list[GoldAttribution] = []
    for eid, args in events:

        def role(wanted: str, args: dict[str, str] = args) -> tuple[Piece, ...]:
            # Roles may be numbered (Content2); the role, not the entity's label, decides.
            return tuple(
                sorted(
                    p
                    for key, tid in args.items()
                    if key.rstrip("0123456789") == wanted and tid in entities
                    for p in entities[tid][1]
                )
            )

        content = role("Content")
        if not content:
            notes.append(f"{name} {eid}: attribution without content (skipped)")
            continue
        if inside(content, discard) > 0.5:
            notes.append(f"{name} {eid}: inside a Discard span (skipped)")
            continue
        source = role("Source")
        attributions.append(
            GoldAttribution(
                content=content,
                source=source,
                cue=role("Cue"),
                kind=classify(pieces_text(text, content)),
                source_name=pieces_text(text, source),
                has_source=bool(source),
            )
        )
    # Stable: the order matters to the greedy matcher's tie-breaking.
    attributions.sort(key=lambda a: a.content[0])
    return attributions, discard, notes


def _ann_files(folder: Path, stem: str, side_by_side: bool) -> list[Path]:
    # One annotator's file per text: PolNeAR names them STEM_XXXX.ann; use the first in sorted order.
    found = sorted(folder.glob(glob.escape(stem) + "_????.ann"))
    if side_by_side and (folder / f"{stem}.ann").is_file():
        found = [folder / f"{stem}.ann", *found]
    return found


def load_brat(folder: str | os.PathLike[str]) -> list[GoldArticle]:
    """A PolNeAR-style split (``text/`` + ``attributions/``) or a folder of ``.txt``/``.ann`` pairs."""
    root = Path(folder)
    split = (root / "text").is_dir()
    text_dir = root / "text" if split else root
    ann_dir = root / "attributions" if split else root
    articles = []
    annotated = 0
    for txt in sorted(text_dir.glob("*.txt")):
        if not txt.is_file():
            continue  # a pipe or socket would be waited on
        stem = txt.stem
        text = read_text(txt)
        anns = _ann_files(ann_dir, stem, side_by_side=not split)
        annotated += bool(anns)
        if anns:
            attributions, discard, notes = parse_ann(read_text(anns[0]), text, anns[0].name)
        else:
            attributions, discard, notes = [], [], [f"{stem}: no .ann"]
        articles.append(GoldArticle(stem, str(txt), text, attributions, discard, notes))
    expected = "expected a PolNeAR split (text/ and attributions/) or .ann files beside .txt files"
    if not articles:
        raise EvaluationError(f"no articles found in {folder}: no .txt files; {expected}")
    if not annotated:
        texts = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        looked = f"{texts} in text/ but no .ann files in attributions/" if split else (
            f"{texts} (.txt) but no .ann file beside any of them"
        )
        raise EvaluationError(f"no annotations found in {folder}: {looked}; {expected}")
    return articles


def _article_id(source: str) -> str:
    return os.path.splitext(os.path.basename(source))[0]


def _find_text(source: str, jsonl: Path, text_dirs: Sequence[Path]) -> str | None:
    candidates = [Path(source), jsonl.parent / source]
    candidates += [d / os.path.basename(source) for d in text_dirs]
    candidates += [d / "text" / os.path.basename(source) for d in text_dirs]
    return next((read_text(c) for c in candidates if c.is_file()), None)


def load_gold_jsonl(
    path: str | os.PathLike[str], text_dirs: Sequence[str | os.PathLike[str]] = ()
) -> list[GoldArticle]:
    """quotegrab documents as gold. The text comes from the document (``--include-text``), else from
    its source path (as given, or relative to the JSONL file, or by file name in `text_dirs`).

    A quote's kind is its declared ``type`` (a hand-checked file is the authority on that, unlike
    PolNeAR, whose kinds are derived from the content), its source is the speaker's mention and the
    name a predicted speaker is compared with is the speaker's canonical name.
    """
    jsonl = Path(path)
    dirs = [Path(d) for d in text_dirs]
    articles = []
    for n, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = Document.model_validate_json(line)
        except ValueError as err:
            raise EvaluationError(f"{path}:{n}: not a quotegrab document: {err}") from err
        text = doc.text if doc.text is not None else _find_text(doc.source, jsonl, dirs)
        if text is None:
            raise EvaluationError(
                f"{path}:{n}: no text for {doc.source!r} (write the gold with --include-text, "
                "or give the folder of texts)"
            )
        attributions = []
        for q in doc.quotes:
            content = tuple(sorted((s.start, s.end) for s in q.spans))
            if not content:
                continue
            mention = q.speaker.mention if q.speaker else None
            attributions.append(
                GoldAttribution(
                    content=content,
                    source=((mention.start, mention.end),) if mention else (),
                    cue=((q.cue.start, q.cue.end),) if q.cue else (),
                    kind=q.type,
                    source_name=q.speaker.name if q.speaker else "",
                    has_source=q.speaker is not None,
                )
            )
        attributions.sort(key=lambda a: a.content[0])
        articles.append(GoldArticle(_article_id(doc.source), doc.source, text, attributions))
    return articles


def load_gold(
    path: str | os.PathLike[str], text_dirs: Sequence[str | os.PathLike[str]] = ()
) -> list[GoldArticle]:
    p = Path(path)
    if p.is_dir():
        return load_brat(p)
    if p.is_file():
        return load_gold_jsonl(p, text_dirs)
    raise EvaluationError(f"{path}: no such file or folder")


# ----------------------------------------------------------------------------------------------------
# Predictions


def read_predictions(path: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], int]:
    """Document objects of a JSONL file, and the number of lines that are not one; such lines are
    counted, not fatal, so that one bad line does not hide the score of the rest."""
    objs: list[dict[str, Any]] = []
    bad = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and "source" in obj:
                objs.append(obj)
            else:
                bad += 1
    return objs, bad


def text_files(folder: str | os.PathLike[str]) -> list[Path]:
    root = Path(folder)
    base = root / "text" if (root / "text").is_dir() else root
    return sorted(p for p in base.glob("*.txt") if p.is_file())  # never a pipe, which would wait


def predict(inputs: Sequence[tuple[str, str]], model: str | None = None) -> Iterator[Document]:
    """Run quotegrab over `(source, text)` pairs, loading the pipeline once."""
    # Imported here: scoring a predictions file should not pay for the pipeline module.
    from quotegrab.engine.pipeline import extract_many, load

    yield from extract_many(inputs, nlp=load(model))


def documents_as_predictions(docs: Iterable[Document]) -> list[dict[str, Any]]:
    return [d.model_dump(mode="json") for d in docs]


@dataclass
class PredQuote:
    content: list[Piece]
    type: Any
    has_speaker: bool
    speaker_span: Piece | None
    speaker_name: str | None
    cue: Piece | None
    text: Any
    raw: dict[str, Any]


def _span(obj: Any, n: int) -> Piece | None:
    """(start, end) of a {"start", "end"} object, or None when absent or not a non-empty range."""
    try:
        s, e = obj["start"], obj["end"]
    except (TypeError, KeyError, IndexError):
        return None
    # `type() is int`: JSON true/1.0 are not offsets.
    return (s, e) if type(s) is int and type(e) is int and 0 <= s < e <= n else None


def _piece(p: Any, n: int) -> Piece | None:
    if isinstance(p, dict):
        return _span(p, n)
    if isinstance(p, (list, tuple)) and len(p) >= 2:
        return _span({"start": p[0], "end": p[1]}, n)
    return None


def normalize_quote(q: Any, n: int) -> PredQuote | None:
    """The scorer's view of one predicted quote, or None when its content offsets are unusable."""
    if not isinstance(q, dict):
        return None
    raw_pieces = q.get("spans")
    if raw_pieces is not None:
        if not isinstance(raw_pieces, list):
            return None
        pieces = [_piece(p, n) for p in raw_pieces]
    else:
        pieces = [_span(q, n)]
    if not pieces or any(p is None for p in pieces):
        return None
    content = sorted(p for p in pieces if p is not None)
    speaker = q.get("speaker") if isinstance(q.get("speaker"), dict) else {}
    name = speaker.get("name")
    name = name if isinstance(name, str) and name.strip() else None
    mention = _span(speaker.get("mention"), n)
    return PredQuote(
        content=content,
        type=q.get("type"),
        has_speaker=bool(name or mention),
        speaker_span=mention,
        speaker_name=name,
        cue=_span(q.get("cue"), n),
        text=q.get("text"),
        raw=q,
    )


def merge_by_cue(preds: list[PredQuote]) -> list[PredQuote]:
    """Predictions sharing one cue span become one multi-piece prediction: PolNeAR has one content
    per cue, so a tool that splits an interrupted quote can be scored both ways."""
    out: list[PredQuote] = []
    by_cue: dict[Piece, PredQuote] = {}
    for p in preds:
        if p.cue is None:
            out.append(p)
        elif p.cue in by_cue:
            by_cue[p.cue].content = sorted(by_cue[p.cue].content + p.content)
        else:
            merged = PredQuote(**{**p.__dict__, "content": list(p.content)})
            by_cue[p.cue] = merged
            out.append(merged)
    return out


# ----------------------------------------------------------------------------------------------------
# Scoring


def trimmed_chars(text: str, pieces: Iterable[Piece]) -> set[int]:
    out: set[int] = set()
    for s, e in pieces:
        a, b = strip_edges(text[s:e], TRIM)
        out.update(range(s + a, s + b))
    return out


def overlaps(span: Piece | None, pieces: Iterable[Piece]) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in pieces)


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def speaker_ok(gold: GoldAttribution, pred: PredQuote, text: str) -> bool:
    """Right when the mention overlaps the gold source, or when one name contains the other word by
    word (neither being only pronouns); with no gold source only "no speaker" is right."""
    if not gold.has_source:
        return not pred.has_speaker
    if overlaps(pred.speaker_span, gold.source):
        return True
    g, p = _words(gold.source_name), _words(pred.speaker_name or "")
    if not g or not p or set(g.split()) <= PRONOUNS or set(p.split()) <= PRONOUNS:
        return False
    return f" {g} " in f" {p} " or f" {p} " in f" {g} "


def match(
    golds: Sequence[GoldAttribution], preds: Sequence[PredQuote], text: str, threshold: float
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, prediction index), best overlap ratio first; ties go to
    the earlier gold, then the earlier prediction."""
    g_chars = [trimmed_chars(text, g.content) for g in golds]
    p_chars = [trimmed_chars(text, p.content) for p in preds]
    candidates = []
    for i, g in enumerate(g_chars):
        for j, p in enumerate(p_chars):
            inter = len(g & p)
            if inter and inter / len(g | p) >= threshold:
                candidates.append((-inter / len(g | p), i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def ratio(correct: int, total: int) -> dict[str, Any]:
    return {"correct": correct, "total": total, "accuracy": round(correct / total, 4) if total else None}


@dataclass
class ErrorItem:
    """One scoring error, located well enough to find it in the article."""

    kind: str  # "miss" | "false_alarm" | "wrong_speaker"
    article: str
    pieces: list[Piece]
    quote_type: str
    content: str
    context: str
    gold_speaker: str | None = None
    pred_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "pieces": [list(p) for p in self.pieces]}


def context_line(text: str, pieces: Sequence[Piece], width: int = 70, longest: int = 120) -> str:
    """The line around a span on one line, the span between ⟦ ⟧, long spans shortened in the middle."""
    s, e = pieces[0][0], pieces[-1][1]
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, s - width) : s]
    after = text[e : min(line_end, e + width)]
    body = text[s:e]
    if len(body) > longest:
        body = body[: longest // 2] + " … " + body[-longest // 2 :]
    joined = ("…" if s - width > line_start else "") + before + "⟦" + body + "⟧" + after
    joined += "…" if e + width < line_end else ""
    return _one_line(joined)


@dataclass
class Evaluation:
    """The reference scorer's result object (``metrics``, same keys and rounding) and, when asked, the
    errors of one setting."""

    metrics: dict[str, Any]
    errors: list[ErrorItem] = field(default_factory=list)
    errors_setting: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.metrics)
        if self.errors_setting is not None:
            out["errors"] = {"setting": self.errors_setting, "items": [e.to_dict() for e in self.errors]}
        return out


def score(
    articles: Sequence[GoldArticle],
    predictions: Iterable[dict[str, Any]],
    *,
    merge_cue: bool = False,
    invalid_lines: int = 0,
    errors_for: str | None = None,
) -> Evaluation:
    """Score prediction documents (``{"source", "quotes"}`` objects) against gold articles. A document is
    matched to an article by its source's file name (with or without extension); documents naming the
    same article are pooled."""
    if errors_for is not None and errors_for not in SETTING_NAMES:
        raise EvaluationError(f"unknown setting {errors_for!r}; one of {', '.join(SETTING_NAMES)}")
    info: dict[str, Any] = {
        "articles": len(articles),
        "pred_articles": 0,
        "unknown_sources": [],
        "invalid_quotes": 0,
        "dropped_in_discard": 0,
        "text_mismatch": 0,
    }
    by_id = _pool_by_article({a.id for a in articles}, predictions, info)
    info["pred_articles"] = len(by_id)
    tally = _Tally(errors_for)
    for art in articles:
        preds = _article_predictions(art, by_id.get(art.id, []), info)
        for setting in SETTINGS:
            golds = [g for g in art.attributions if g.kind == "direct" or not setting.direct_only]
            ps = [p for p in preds if p.type == "direct" or not setting.direct_only]
            tally.add(setting, art, golds, merge_by_cue(ps) if merge_cue else ps)
    return Evaluation(tally.metrics(info, invalid_lines), sorted(tally.errors, key=_error_order), errors_for)


def _error_order(item: ErrorItem) -> tuple[Any, ...]:
    return (item.article, item.pieces[0], item.kind)


def _pool_by_article(
    ids: set[str], predictions: Iterable[dict[str, Any]], info: dict[str, Any]
) -> dict[str, list[Any]]:
    """The predicted quotes of each article id, from the documents whose source names it."""
    by_id: dict[str, list[Any]] = {}
    for obj in predictions:
        if not isinstance(obj, dict):
            info["unknown_sources"].append(repr(obj)[:80])
            continue
        name = os.path.basename(str(obj.get("source")))
        stem = name if name in ids else os.path.splitext(name)[0]
        if stem not in ids:
            info["unknown_sources"].append(str(obj.get("source")))
            continue
        quotes = obj.get("quotes")
        by_id.setdefault(stem, []).extend(quotes if isinstance(quotes, list) else [])
    return by_id


def _article_predictions(art: GoldArticle, quotes: list[Any], info: dict[str, Any]) -> list[PredQuote]:
    """The valid predicted quotes of one article, less those in its discarded parts (counted in `info`)."""
    text = art.text
    preds: list[PredQuote] = []
    for q in quotes:
        p = normalize_quote(q, len(text))
        if p is None:
            info["invalid_quotes"] += 1
        elif inside(p.content, art.discard) > 0.5:
            info["dropped_in_discard"] += 1
        else:
            (s, e), *rest = p.content
            info["text_mismatch"] += not rest and isinstance(p.text, str) and p.text != text[s:e]
            preds.append(p)
    return preds


class _Tally:
    """Counts per setting, all@0.5 recall per gold kind, and the errors of one setting."""

    KEYS = ("gold", "pred", "tp", "spk_ok", "spk_n", "e2e", "cue_ok", "cue_n")

    def __init__(self, errors_for: str | None) -> None:
        self.errors_for = errors_for
        self.counts = {s.name: dict.fromkeys(self.KEYS, 0) for s in SETTINGS}
        self.by_kind = {k: [0, 0] for k in KINDS}  # all@0.5 recall per gold kind: [found, total]
        self.errors: list[ErrorItem] = []

    def add(self, setting: Setting, art: GoldArticle, golds: list[GoldAttribution], ps: list[PredQuote]) -> None:
        c = self.counts[setting.name]
        c["gold"] += len(golds)
        c["pred"] += len(ps)
        pairs = match(golds, ps, art.text, setting.threshold)
        wanted = setting.name == self.errors_for
        for i, j in pairs:
            g, p = golds[i], ps[j]
            ok = speaker_ok(g, p, art.text)
            c["tp"] += 1
            c["e2e"] += ok
            c["spk_n"] += g.has_source
            c["spk_ok"] += ok and g.has_source
            c["cue_n"] += bool(g.cue)
            c["cue_ok"] += overlaps(p.cue, g.cue)
            if setting.name == "all@0.5":
                self.by_kind[g.kind][0] += 1
            if wanted and not ok:
                self.errors.append(_error("wrong_speaker", art, g.content, g.kind, g, p))
        if setting.name == "all@0.5":
            for g in golds:
                self.by_kind[g.kind][1] += 1
        if wanted:
            self._unmatched(art, golds, ps, pairs)

    def _unmatched(self, art: GoldArticle, golds: list[GoldAttribution], ps: list[PredQuote],
                   pairs: list[tuple[int, int]]) -> None:
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        self.errors += [
            _error("miss", art, g.content, g.kind, g, None) for i, g in enumerate(golds) if i not in matched_g
        ]
        self.errors += [
            _error("false_alarm", art, p.content, str(p.type), None, p)
            for j, p in enumerate(ps)
            if j not in matched_p
        ]

    def metrics(self, info: dict[str, Any], invalid_lines: int) -> dict[str, Any]:
        """The reference scorer's result object."""
        metrics: dict[str, Any] = {"info": {**info, "invalid_lines": invalid_lines}}
        for setting in SETTINGS:
            c = self.counts[setting.name]
            metrics[setting.name] = {
                "gold": c["gold"],
                "pred": c["pred"],
                "tp": c["tp"],
                **prf(c["tp"], c["pred"], c["gold"]),
                "speaker": ratio(c["spk_ok"], c["spk_n"]),
                "end_to_end": {"tp": c["e2e"], **prf(c["e2e"], c["pred"], c["gold"])},
                "cue": ratio(c["cue_ok"], c["cue_n"]),
            }
        metrics["all@0.5"]["recall_by_gold_kind"] = {k: ratio(*v) for k, v in self.by_kind.items()}
        return metrics


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _error(
    kind: str,
    art: GoldArticle,
    pieces: Sequence[Piece],
    quote_type: str,
    gold: GoldAttribution | None,
    pred: PredQuote | None,
) -> ErrorItem:
    gold_speaker = None if gold is None else (_one_line(gold.source_name) if gold.has_source else "(none)")
    pred_speaker = None
    if pred is not None:
        mention = _one_line(pieces_text(art.text, [pred.speaker_span])) if pred.speaker_span else None
        name = _one_line(pred.speaker_name or "")
        pred_speaker = name or mention or "(none)"
        if mention and name and mention != name:
            pred_speaker = f"{name} (as “{mention}”)"
    return ErrorItem(
        kind=kind,
        article=art.id,
        pieces=list(pieces),
        quote_type=quote_type,
        content=pieces_text(art.text, pieces, " … "),
        context=context_line(art.text, pieces),
        gold_speaker=gold_speaker,
        pred_speaker=pred_speaker,
    )


def _same_path(a: Path, b: str | os.PathLike[str]) -> bool:
    try:
        return a.exists() and Path(b).exists() and os.path.samefile(a, b)
    except OSError:
        return False


def evaluate_paths(
    gold: str | os.PathLike[str],
    pred: str | os.PathLike[str] | None = None,
    *,
    model: str | None = None,
    merge_cue: bool = False,
    errors_for: str | None = None,
    save_pred: str | os.PathLike[str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """Score `pred` (a quotegrab JSONL file) against `gold`. With no `pred`, or `pred` the gold folder
    itself, quotegrab runs over the gold texts; with `pred` another folder, over the texts in it.
    `on_progress(done, total)` is called while quotegrab runs; `save_pred` receives the predictions."""
    pred_path = Path(pred) if pred is not None else None
    text_dirs = [pred_path] if pred_path is not None and pred_path.is_dir() else []
    articles = load_gold(gold, text_dirs)
    invalid_lines = 0
    inputs: list[tuple[str, str]] | None = None
    if pred_path is None or _same_path(pred_path, gold):
        inputs = [(a.path, a.text) for a in articles]
    elif pred_path.is_dir():
        inputs = [(str(p), read_text(p)) for p in text_files(pred_path)]
        if not inputs:
            raise EvaluationError(f"{pred}: no .txt files to run quotegrab on")
    elif pred_path.is_file():
        predictions, invalid_lines = read_predictions(pred_path)
    else:
        raise EvaluationError(f"{pred}: no such file or folder")

    if inputs is not None:
        total = len(inputs)
        if on_progress is not None:
            on_progress(0, total)
        docs = []
        for doc in predict(inputs, model):
            docs.append(doc)
            if on_progress is not None:
                on_progress(len(docs), total)
        predictions = documents_as_predictions(docs)
    if save_pred is not None:
        with open(save_pred, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(obj, ensure_ascii=False) + "\n" for obj in predictions)
    return score(
        articles, predictions, merge_cue=merge_cue, invalid_lines=invalid_lines, errors_for=errors_for
    )


# ----------------------------------------------------------------------------------------------------
# Loose name comparison, used by the seed and resolution checks


_TITLE_WORDS = (
    "mr mrs ms miss dr sir dame lord lady gov governor sen senator rep representative president vice pres "
    "secretary sec gen general col colonel capt captain lt sgt prof professor rev reverend judge justice "
    "mayor chairman chairwoman the jr sr ii iii"
)
_NAME_TITLES = frozenset(_TITLE_WORDS.split())


def name_tokens(name: str | None) -> list[str]:
    """Lowercase words of a name without titles, single-letter initials or possessives."""
    words = re.findall(r"[\w'\u2019-]+", (name or "").lower())
    words = [re.sub(r"['\u2019]s$", "", w) for w in words]
    return [w for w in words if w not in _NAME_TITLES and len(w.strip(".")) > 1]


def same_entity(a: str | None, b: str | None) -> bool:
    """Two names plausibly denote one entity ("Donald J. Trump" = "Mr. Trump"): equal once normalised,
    one's words a subset of the other's with the same last word, or a name of two words or more that
    begins the other ("State Department" / "State Department website")."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    sa, sb = set(ta), set(tb)
    if (sa <= sb or sb <= sa) and ta[-1] == tb[-1]:
        return True
    short, long_ = sorted((ta, tb), key=len)
    return len(short) >= 2 and long_[: len(short)] == short


def _quote_pieces(q: dict[str, Any]) -> list[tuple[Any, Any]]:
    spans = q.get("spans")
    if isinstance(spans, list) and spans:
        return [(p["start"], p["end"]) if isinstance(p, dict) else tuple(p) for p in spans]
    return [(q.get("start", -1), q.get("end", -1))]


# ----------------------------------------------------------------------------------------------------
# Seed article: one hand-made gold file, type and speaker must be right too

_SEED_TRIM = "\u201c\u201d\u2018\u2019\"'`,.;:!?\u2014\u2013-\u2026 \n\t"


@dataclass
class SeedResult:
    right: int
    found: int
    total: int
    predicted: int
    misses: list[str]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def _seed_chars(text: str, pieces: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in pieces:
        while s < e and text[s] in _SEED_TRIM:
            s += 1
        while e > s and text[e - 1] in _SEED_TRIM:
            e -= 1
        out.update(range(s, e))
    return out


def score_seed(gold: dict[str, Any], prediction: dict[str, Any], text: str) -> SeedResult:
    """A gold quote is found by the prediction overlapping it most relative to the smaller of the two
    (>= 0.5), among predictions at least 15% inside it (so one prediction sprawling over many quotes
    matches none); it is right when that prediction also has the gold type and names the gold speaker
    (or has none where the gold has none)."""
    preds = [(q, _seed_chars(text, _quote_pieces(q))) for q in prediction.get("quotes", [])]
    right = found = 0
    misses = []
    for g in gold["quotes"]:
        gc = _seed_chars(text, [(g["start"], g["end"])])
        best, best_ov = None, 0.0
        for q, pc in preds:
            inter = len(gc & pc)
            if inter < 0.15 * len(pc):
                continue
            ov = inter / max(1, min(len(gc), len(pc)))
            if ov > best_ov:
                best, best_ov = q, ov
        is_found = best is not None and best_ov >= 0.5
        name = ((best or {}).get("speaker") or {}).get("name") if is_found else None
        speaker_right = not name if g["speaker"] is None else same_entity(name, g["speaker"])
        ok = is_found and best is not None and best.get("type") == g["type"] and speaker_right
        found += is_found
        right += ok
        if not ok:
            why = (
                "not found"
                if not is_found or best is None
                else f"got type={best.get('type')} speaker={name!r}"
            )
            # standoff gold carries no text of its own: the article holds it
            words = g.get("text") or text[g["start"] : g["end"]]
            misses.append(f"[{g['type']}, {g['speaker']}] {words[:70]!r}: {why}")
    return SeedResult(right, found, len(gold["quotes"]), len(preds), misses)


# ----------------------------------------------------------------------------------------------------
# Speaker resolution: does each Source mention resolve to the right canonical name?


@dataclass
class ResolutionResult:
    right: dict[str, int]
    total: dict[str, int]
    misses: list[str]

    @property
    def accuracy(self) -> float:
        n = sum(self.total.values())
        return sum(self.right.values()) / n if n else 0.0


def score_resolution(
    gold_lines: Iterable[dict[str, Any]], predictions: Iterable[dict[str, Any]]
) -> ResolutionResult:
    """For each gold Source with a canonical name (ambiguous ones left out), the predicted quote is the
    first whose speaker mention overlaps it, else the first whose content holds the gold content start;
    right when that quote's speaker name names the same entity."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for d in predictions:
        docs[_article_id(str(d.get("source", "")))] = d.get("quotes", [])
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    misses = []
    for g in gold_lines:
        if not g["canonical"] or g.get("ambiguous"):
            continue
        total[g["kind"]] = total.get(g["kind"], 0) + 1
        q = _resolution_quote(docs.get(g["article"], []), g)
        name = ((q or {}).get("speaker") or {}).get("name")
        ok = same_entity(name, g["canonical"])
        right[g["kind"]] = right.get(g["kind"], 0) + ok
        if not ok:
            misses.append(
                f"{g['article'][:40]} {g['source_text']!r} -> want {g['canonical']!r}, got {name!r}"
            )
    return ResolutionResult(right, total, misses)


def _resolution_quote(quotes: list[dict[str, Any]], g: dict[str, Any]) -> dict[str, Any] | None:
    for q in quotes:
        m = (q.get("speaker") or {}).get("mention") or {}
        if isinstance(m.get("start"), int) and m["start"] < g["source_end"] and g["source_start"] < m["end"]:
            return q
    for q in quotes:
        if any(s <= g["content_start"] < e for s, e in _quote_pieces(q)):
            return q
    return None


# ----------------------------------------------------------------------------------------------------
# Rendering (as strings: the CLI decides where they go)


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.3f}"


def format_table(metrics: dict[str, Any]) -> str:
    i = metrics["info"]
    lines = [
        f"articles: {i['articles']} annotated, {i['pred_articles']} with quotegrab's quotes" + _notes(i),
        f"{'setting':<11}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}  |"
        f"{'spk acc':>8}{'(n)':>6}{'e2e P':>7}{'e2e R':>7}{'e2e F1':>7}  |{'cue acc':>8}{'(n)':>6}",
    ]
    for name in SETTING_NAMES:
        r, e = metrics[name], metrics[name]["end_to_end"]
        lines.append(
            f"{name.upper():<11}{r['gold']:>6}{r['pred']:>6}{r['tp']:>6}{r['precision']:>7.3f}"
            f"{r['recall']:>7.3f}{r['f1']:>7.3f}  |{_fmt(r['speaker']['accuracy']):>8}"
            f"{r['speaker']['total']:>6}{e['precision']:>7.3f}{e['recall']:>7.3f}{e['f1']:>7.3f}  |"
            f"{_fmt(r['cue']['accuracy']):>8}{r['cue']['total']:>6}"
        )
    kinds = metrics["all@0.5"]["recall_by_gold_kind"]
    lines.append(
        "ALL@0.5 recall by gold kind: "
        + ", ".join(f"{k} {_fmt(v['accuracy'])} ({v['correct']}/{v['total']})" for k, v in kinds.items())
    )
    return "\n".join(lines)


def _notes(info: dict[str, Any]) -> str:
    """What was left out of the scores, in words, only where there is something to say."""
    notes = [
        (len(info["unknown_sources"]), "results for articles that are not annotated (not scored)"),
        (info.get("invalid_lines", 0), "unreadable lines in the results file (skipped)"),
        (info["invalid_quotes"], "quotes with positions outside their article (skipped)"),
        (info["dropped_in_discard"], "quotes in passages the annotators left out (not scored)"),
        (info["text_mismatch"], "quotes whose text differs from the article at their positions"),
    ]
    said = [f"{n} {what}" for n, what in notes if n]
    return "; " + "; ".join(said) if said else ""


_ERROR_LABEL = {"miss": "MISS", "false_alarm": "FALSE ALARM", "wrong_speaker": "WRONG SPEAKER"}


def format_errors(evaluation: Evaluation) -> str:
    out = [f"errors at {(evaluation.errors_setting or '').upper()}: {len(evaluation.errors)}"]
    for e in evaluation.errors:
        offsets = ";".join(f"{s}-{t}" for s, t in e.pieces)
        who = []
        if e.gold_speaker is not None:
            who.append(f"gold speaker: {e.gold_speaker}")
        if e.pred_speaker is not None:
            who.append(f"predicted: {e.pred_speaker}")
        out.append(f"{_ERROR_LABEL[e.kind]:<13} {e.article} {offsets} [{e.quote_type}] " + ", ".join(who))
        out.append(f"    {e.context}")
    return "\n".join(out)

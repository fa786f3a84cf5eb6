"""Fuzz the engine: run many generated hostile texts through quotegrab and check the output contract.

    .venv/bin/python scripts/fuzz.py                 # 10,000 texts, seed 0
    .venv/bin/python scripts/fuzz.py -n 500 --seed 7

Texts mix news-like sentences (cue words, names, every kind of quotation mark) with the things real
inputs contain and rules rarely expect: stray and unbalanced marks, apostrophes, control characters,
emoji, other scripts, combining marks, CRLF and lone CR line ends, missing punctuation, very long lines.
Each text is generated from its own seed, so a failure is reproduced by its seed alone; the script
also shrinks it to a minimal reproducer.

The generator and `check_document` are shared with tests/test_robustness.py, which runs the same
properties under hypothesis.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from quotegrab.engine.contract import Document  # noqa: E402

# --- vocabulary ------------------------------------------------------------------------------------------

MARKS = (
    "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "``", "''", "\u00ab", "\u00bb", "\u201e", "\u201a",
    "\u2039", "\u203a", "\u300c", "\u300d", "\uff02", "`", "\u2032", "\u2033",
)
APOSTROPHES = (
    "voters\u2019", "voters'", "don't", "don\u2019t", "\u201990s", "'90s", "rock \u2019n\u2019 roll",
    "rock 'n' roll", "Trump\u2019s", "Trump's", "O'Brien", "O\u2019Neill", "students'", "'tis", "y'all",
    "ma'am", "'em", "\u2018til", "the Joneses\u2019",
)
CONTROLS = tuple(chr(c) for c in range(0x20) if c not in (0x0A, 0x0D)) + (
    "\x7f", "\u200b", "\ufeff", "\u200d", "\u200e", "\u202e", "\u2028", "\u2029", "\u00a0", "\u00ad",
    "\u0085", "\x0b", "\x0c", "\ufffd", "\U000e0001",
)
OTHER_SCRIPTS = (
    "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1f8",
    "\u4e2d\u6587\u65b0\u95fb", "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0\u3002", "\ud55c\uad6d\uc5b4",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea",
    "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac",
    "\u0420\u0443\u0441\u0441\u043a\u0438\u0439", "e\u0301", "a\u0308\u0304", "Z\u0351\u036b\u0343\u036a\u0302",
    "\u0928\u092e\u0938\u094d\u0924\u0947", "\U0001d400\U0001d401", "\u2603", "\u00bd", "\u2160",
)
LINE_ENDS = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r", "\u2028", "\u2029", "\u0085")
NAMES = (
    "Donald Trump", "Trump", "Mr. Obama", "Angela Merkel", "Merkel", "the president", "officials",
    "Reuters", "the State Department", "he", "she", "they", "O'Brien", "Jos\u00e9 \u00d1\u00fa\u00f1ez",
    "Mohammed bin Salman", "a spokesman", "Sen. Elizabeth Warren", "the White House", "police",
    "\u4e60\u8fd1\u5e73", "Dr. Anthony Fauci", "Secretary of State Marco Rubio", "I", "we", "Smith",
)
CUES = (
    "said", "says", "told reporters", "added", "according to", "warned", "argued", "claimed", "noted",
    "pointed out", "asked", "wrote", "tweeted", "insisted", "was quoted as saying", "said on Tuesday",
)
WORDS = (
    "the", "economy", "is", "strong", "we", "will", "win", "tax", "plan", "not", "a", "crisis", "border",
    "vote", "on", "Tuesday", "it", "that", "this", "very", "good", "deal", "for", "people", "and", "but",
    "never", "again", "election", "fraud", "budget", "war", "peace", "talks", "should", "could", "they",
)
PUNCT = (".", ",", ":", ";", "!", "?", "\u2014", "\u2013", "--", "-", "\u2026", "...", "(", ")", "[", "]", "/")

QUOTE_PAIRS = (
    ("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"), ("``", "''"), ("''", "''"),
    ("\u00ab", "\u00bb"), ("\u201e", "\u201c"),
)
TEMPLATES = (
    "{o}{q},{c} {n} {v}.",
    "{o}{q}{c} {n} {v}.",
    "{n} {v}, {o}{q}.{c}",
    "{n} {v}: {o}{q}{c}",
    "{n} {v} that {q}.",
    "{q}, {n} {v}.",
    "According to {n}, {q}.",
    "{q}, according to {n}.",
    "{o}{q}{c} \u2014 {n}",
    "{n}: {o}{q}{c}",
    "{o}{q},{c} {v} {n}, {o}{q2}.{c}",
    "{n} {v} the plan was {o}{w}{c} and {o}{w}{c}.",
    "{o}{q}.{e}{o}{q2}.{e}{o}{q3},{c} {n} {v}.",
    "{o}{q}",
    "{q}{c} {n} {v}",
    "{n} {v} {o}{o}{q}{c}{c}",
)

# --- generation ------------------------------------------------------------------------------------------


def phrase(rng: random.Random, lo: int = 2, hi: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = rng.choice(APOSTROPHES)
    if rng.random() < 0.2:
        opener, closer = rng.choice(QUOTE_PAIRS)
        i = rng.randrange(len(words))
        words[i] = opener + words[i] + closer  # nested or scare quotes
    return " ".join(words)


def news_sentence(rng: random.Random) -> str:
    opener, closer = rng.choice(QUOTE_PAIRS)
    template = rng.choice(TEMPLATES)
    return template.format(
        o=opener, c=closer, q=phrase(rng), q2=phrase(rng), q3=phrase(rng), w=rng.choice(WORDS),
        n=rng.choice(NAMES), v=rng.choice(CUES),
        e=rng.choice(LINE_ENDS),
    )


def long_line(rng: random.Random, size: int) -> str:
    """One line of about `size` characters: no paragraph end to stop an unbalanced mark, and few sentence
    ends for the parser."""
    parts: list[str] = []
    total = 0
    while total < size:
        part = rng.choice((news_sentence(rng), phrase(rng), rng.choice(MARKS)))
        part = part.replace("\n", " ").replace("\r", " ").replace("\u2028", " ").replace("\u2029", " ")
        parts.append(part.replace("\u0085", " "))
        total += len(part) + 1
    return " ".join(parts)


def _noise(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(MARKS)
    if kind < 0.5:
        return rng.choice(APOSTROPHES)
    if kind < 0.62:
        return rng.choice(CONTROLS)
    if kind < 0.75:
        return rng.choice(OTHER_SCRIPTS)
    if kind < 0.85:
        return rng.choice(PUNCT)
    if kind < 0.93:
        return rng.choice(LINE_ENDS)
    return "".join(chr(rng.choice((rng.randint(0x20, 0x2FFF), rng.randint(0xE000, 0x10FFFF)))) for _ in range(3))


def _raw_unicode(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 200)):
        cp = rng.choice((rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0xE000, 0x10FFFF)))
        out.append(chr(cp))
    return "".join(out)


def _mutate(rng: random.Random, text: str) -> str:
    """Damage a well-formed text the way real inputs are damaged: marks lost or doubled, junk inserted."""
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        action = rng.random()
        if action < 0.35:
            del chars[i]
        elif action < 0.7:
            chars.insert(i, _noise(rng))
        else:
            chars[i] = rng.choice(MARKS)
    return "".join(chars)


def _line_ends(rng: random.Random, text: str) -> str:
    style = rng.choice(("\n", "\r\n", "\r", "mixed"))
    if style == "mixed":
        return "".join(rng.choice(("\n", "\r\n", "\r")) if ch == "\n" else ch for ch in text)
    return text.replace("\n", style)


def generate_text(rng: random.Random) -> str:
    """One hostile text; the mix of kinds leans towards news-like text, where the rules do the most."""
    kind = rng.random()
    if kind < 0.05:
        return _raw_unicode(rng)
    if kind < 0.1:
        return "".join(_noise(rng) for _ in range(rng.randint(0, 60)))
    if kind < 0.13:
        return long_line(rng, rng.randint(2_000, 30_000))
    if kind < 0.18:
        # no sentence punctuation at all
        return " ".join(
            rng.choice((rng.choice(WORDS), rng.choice(NAMES), rng.choice(CUES), rng.choice(MARKS)))
            for _ in range(rng.randint(1, 80))
        )
    paragraphs = []
    for _ in range(rng.randint(1, 8)):
        sentences = [news_sentence(rng) for _ in range(rng.randint(1, 4))]
        paragraphs.append(" ".join(sentences))
    text = rng.choice(("\n\n", "\n", " ", "\n \n")).join(paragraphs)
    if rng.random() < 0.6:
        text = _mutate(rng, text)
    if rng.random() < 0.4:
        text = _line_ends(rng, text)
    if rng.random() < 0.1:
        text = rng.choice(CONTROLS + ("\ufeff", " ", "\n")) + text + rng.choice(("", " ", "\n", "\r", "\x00"))
    return text


def text_for_seed(seed: int) -> str:
    return generate_text(random.Random(seed))


# --- the properties ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def schema_validator() -> jsonschema.protocols.Validator:
    schema = Document.model_json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _span_problems(text: str, where: str, start: int, end: int, expected: str | None = None) -> list[str]:
    problems = []
    if not 0 <= start <= end <= len(text):
        problems.append(f"{where}: [{start}, {end}) outside 0..{len(text)} or reversed")
    elif expected is not None and text[start:end] != expected:
        problems.append(f"{where}: text[{start}:{end}] = {text[start:end]!r} but the field says {expected!r}")
    return problems


def check_document(text: str, doc: Document) -> list[str]:
    """Every way `doc` breaks the output contract for input `text`; empty when it keeps it."""
    problems: list[str] = []
    for error in schema_validator().iter_errors(doc.model_dump(mode="json")):
        problems.append(f"schema: {error.message} at {list(error.absolute_path)}")
    quote_ids = [q.id for q in doc.quotes]
    if len(set(quote_ids)) != len(quote_ids):
        problems.append(f"duplicate quote ids: {quote_ids}")
    speaker_ids = [s.id for s in doc.speakers]
    if len(set(speaker_ids)) != len(speaker_ids):
        problems.append(f"duplicate speaker ids: {speaker_ids}")
    speakers = {s.id: s for s in doc.speakers}
    counts: dict[str, int] = {}
    previous_start = -1
    for q in doc.quotes:
        where = f"quote {q.id}"
        if not q.spans:
            problems.append(f"{where}: no spans")
            continue
        for k, span in enumerate(q.spans):
            problems += _span_problems(text, f"{where} span {k}", span.start, span.end)
            if 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] not in q.text:
                problems.append(f"{where} span {k}: {text[span.start:span.end]!r} not in its text {q.text!r}")
        for k, span in enumerate(q.fragments):
            problems += _span_problems(text, f"{where} fragment {k}", span.start, span.end)
        if q.cue is not None:
            problems += _span_problems(text, f"{where} cue", q.cue.start, q.cue.end, q.cue.text)
        if q.start < previous_start:
            problems.append(f"{where}: starts at {q.start}, before the previous quote ({previous_start})")
        previous_start = q.start
        if q.speaker is not None:
            ref = q.speaker
            if ref.mention is not None:
                m = ref.mention
                problems += _span_problems(text, f"{where} mention", m.start, m.end, m.text)
            speaker = speakers.get(ref.id)
            if speaker is None:
                problems.append(f"{where}: speaker id {ref.id!r} not in speakers {speaker_ids}")
            elif speaker.name != ref.name:
                problems.append(f"{where}: speaker name {ref.name!r} but {ref.id} is {speaker.name!r}")
            counts[ref.id] = counts.get(ref.id, 0) + 1
    for s in doc.speakers:
        if s.quote_count != counts.get(s.id, 0):
            problems.append(f"speaker {s.id}: quote_count {s.quote_count} but {counts.get(s.id, 0)} quotes")
    return problems


# --- running and shrinking --------------------------------------------------------------------------------


def _dump(doc: Document) -> dict[str, Any]:
    return doc.model_dump(mode="json")


def failures_of(text: str, extract: Callable[[str], Document]) -> list[str]:
    """The properties for one text, run on its own: never raises, keeps the contract, deterministic."""
    try:
        first = extract(text)
        second = extract(text)
    except Exception as err:  # noqa: BLE001 - any exception is the finding
        return [f"raised {type(err).__name__}: {err}"]
    problems = check_document(text, first)
    if _dump(first) != _dump(second):
        problems.append("two runs gave different output")
    return problems


def shrink(text: str, fails: Callable[[str], bool], budget: float = 60.0) -> str:
    """A shorter text that still fails: delta debugging by chunks, then by characters, within `budget` s."""
    deadline = time.monotonic() + budget
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, progressed = 0, False
        while i < len(text) and time.monotonic() < deadline:
            candidate = text[:i] + text[i + chunk :]
            if candidate != text and fails(candidate):
                text, progressed = candidate, True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return text


def _batched(items: Iterable[tuple[int, str]], size: int) -> Iterable[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    count: int,
    seed: int,
    batch_size: int = 64,
    recheck_every: int = 10,
    report: bool = True,
    shrink_budget: float = 30.0,
) -> list[dict[str, Any]]:
    """Fuzz `count` texts; returns one record per failing text (seed, problems, minimal reproducer).

    Texts go through `nlp.pipe` in batches; every `recheck_every`-th text also goes through a second,
    separate `nlp(text)` call, which must give the same output (determinism, and batching must not
    leak state between texts).
    """
    from quotegrab.engine.pipeline import extract, load

    nlp = load()
    limit = nlp.max_length
    failures: list[dict[str, Any]] = []
    started = time.perf_counter()
    done = 0
    seeds = ((seed * 1_000_003 + k, text_for_seed(seed * 1_000_003 + k)) for k in range(count))
    for batch in _batched(seeds, batch_size):
        results: list[tuple[int, str, Document | None, str | None]] = []
        short = [(s, t) for s, t in batch if len(t) <= limit]
        try:
            docs = nlp.pipe((t for _, t in short), batch_size=batch_size)
            results += [(s, t, d._.quotegrab_document("fuzz"), None) for (s, t), d in zip(short, docs, strict=True)]
        except Exception:  # noqa: BLE001 - find which text raised by running the batch one by one
            results = []
            for s, t in short:
                try:
                    results.append((s, t, extract(t, source="fuzz", nlp=nlp), None))
                except Exception as err:  # noqa: BLE001
                    results.append((s, t, None, f"raised {type(err).__name__}: {err}"))
        for s, t, doc, error in results:
            done += 1
            problems = [error] if error else check_document(t, doc)  # type: ignore[arg-type]
            if not error and (s % recheck_every == 0):
                again = extract(t, source="fuzz", nlp=nlp)
                if _dump(again) != _dump(doc):  # type: ignore[arg-type]
                    problems.append("nlp.pipe and a separate nlp() call gave different output")
            if problems:
                failures.append({"seed": s, "text": t, "problems": problems})
        if report and done % 1000 < batch_size:
            print(f"{done} texts, {time.perf_counter() - started:.1f} s, {len(failures)} failing", flush=True)
    elapsed = time.perf_counter() - started
    for failure in failures:
        def fails(candidate: str, wanted: str = failure["problems"][0].split(":")[0]) -> bool:
            return any(p.split(":")[0] == wanted for p in failures_of(candidate, lambda x: extract(x, nlp=nlp)))

        failure["minimal"] = shrink(failure["text"], fails, budget=shrink_budget)
        failure["minimal_problems"] = failures_of(failure["minimal"], lambda x: extract(x, nlp=nlp))
    if report:
        print(f"checked {done} texts in {elapsed:.1f} s ({done / elapsed:.0f}/s): {len(failures)} failing")
        for failure in failures:
            print(f"\nseed {failure['seed']}: {failure['problems'][:3]}")
            print(f"  minimal reproducer: {failure['minimal']!r}")
            print(f"  its problems: {failure['minimal_problems'][:3]}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--count", type=int, default=10_000, help="texts to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="fixed seed: the same run every time (default 0)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--show", type=int, metavar="SEED", help="print the text generated for SEED and exit")
    args = parser.parse_args(argv)
    if args.show is not None:
        print(repr(text_for_seed(args.show)))
        return 0
    failures = run(args.count, args.seed, args.batch_size)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

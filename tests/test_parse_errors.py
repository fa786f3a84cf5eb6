"""Hand-made parses: parser errors the rules must survive.

Each test builds a Doc by hand with a wrong parse of the kind the model gives (word, space after, head,
dep, pos, tag, lemma per token) and runs quotegrab's rules, or one of their parse helpers, on it; the
expected offsets are computed with `text.index`, never written as numbers. Helpers are in support.py.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from support import describe, only, spans_of

from quotegrab.engine.contract import Document
from quotegrab.engine.grammar import relative_antecedent


def parsed(nlp: Language, rows: list[tuple[str, bool, int, str, str, str, str]]) -> Document:
    """Run quotegrab's rules on a Doc with this parse: (word, space after, head, dep, pos, tag, lemma) rows."""
    from spacy.tokens import Doc

    words, spaces, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    quotes, speakers = nlp.get_pipe("quotegrab").extractor(doc)
    return Document(source="test", quotes=quotes, speakers=speakers)


def test_a_quoted_word_parsed_as_subject_does_not_hide_the_speaker(nlp: Language) -> None:
    # the parser gives "said" two subjects: "rents" inside the quote and "tenant" after the cue
    rows = [
        ("\u201c", False, 2, "punct", "PUNCT", "``", "\u201c"),
        ("Prices", True, 2, "nsubj", "NOUN", "NNS", "price"),
        ("rose", False, 10, "ccomp", "VERB", "VBD", "rise"),
        (",", True, 10, "punct", "PUNCT", ",", ","),
        ("the", True, 5, "det", "DET", "DT", "the"),
        ("rents", False, 10, "nsubj", "NOUN", "NNS", "rent"),
        (",", True, 5, "punct", "PUNCT", ",", ","),
        ("everything", False, 5, "appos", "PRON", "NN", "everything"),
        (",", False, 10, "punct", "PUNCT", ",", ","),
        ("\u201d", True, 10, "punct", "PUNCT", "''", "\u201d"),
        ("said", True, 10, "ROOT", "VERB", "VBD", "say"),
        ("a", True, 12, "det", "DET", "DT", "a"),
        ("tenant", False, 10, "nsubj", "NOUN", "NN", "tenant"),
        (".", False, 10, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed(nlp, rows)
    text = "\u201cPrices rose, the rents, everything,\u201d said a tenant."
    assert len(doc.quotes) == 1, describe(doc, text)
    q = doc.quotes[0]
    assert (q.type, spans_of(q)) == ("direct", [only(text, "Prices rose, the rents, everything,")])
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "a tenant"


def test_trailing_comment_cut_never_reaches_before_the_claim(nlp: Language) -> None:
    # "by getting money" hangs on "argue" but its subtree starts at "which", before the claim "spur … money":
    # the cut must not take the word before "which" (the last token, wrapping round) as the claim's end
    from spacy.tokens import Doc

    from quotegrab.engine.rules import DocContext
    from quotegrab.engine.scanner import scan

    rows = [
        ("programs", False, 0, "ROOT", "NOUN", "NNS", "program"),
        (",", True, 0, "punct", "PUNCT", ",", ","),
        ("which", True, 9, "pobj", "PRON", "WDT", "which"),
        ("they", True, 4, "nsubj", "PRON", "PRP", "they"),
        ("argue", True, 0, "relcl", "VERB", "VBP", "argue"),
        ("spur", True, 6, "amod", "ADJ", "JJ", "spur"),
        ("demand", True, 4, "dobj", "NOUN", "NN", "demand"),
        ("more", True, 8, "advmod", "ADV", "RBR", "more"),
        ("effectively", True, 4, "advmod", "ADV", "RB", "effectively"),
        ("by", True, 4, "prep", "ADP", "IN", "by"),
        ("getting", True, 9, "pcomp", "VERB", "VBG", "get"),
        ("money", False, 10, "dobj", "NOUN", "NN", "money"),
        (".", False, 0, "punct", "PUNCT", ".", "."),
    ]
    words, spaces, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    ctx = DocContext(doc, scan(doc.text), [])
    start, end = doc[5].idx, doc[11].idx + len(doc[11])
    assert ctx.cut_trailing_comment(start, end) == (start, end)


def test_a_relative_pronoun_the_parser_hangs_elsewhere_stands_for_the_noun_before_it(nlp: Language) -> None:
    # en_core_web_sm sometimes reads "turned to the Police Department which reported …" as if "reported"
    # were a clause of "turned": "which" still stands for the department
    words = ["they", "turned", "to", "the", "Harbor", "Police", "Department", "which", "reported", "cases", "."]
    heads = [1, 1, 1, 6, 6, 6, 2, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "compound", "pobj", "nsubj", "advcl", "dobj", "punct"]
    pos = ["PRON", "VERB", "ADP", "DET", "PROPN", "PROPN", "PROPN", "PRON", "VERB", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert (antecedent := relative_antecedent(doc[7])) is not None and antecedent.i == 6
    assert relative_antecedent(doc[0]) is None
    # a "that" outside a relative clause is too often a conjunction or a demonstrative to stand for a noun
    that_doc = Doc(nlp.vocab, words=[*words[:7], "that", *words[8:]], heads=heads, deps=deps, pos=pos)
    assert relative_antecedent(that_doc[7]) is None

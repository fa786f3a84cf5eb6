"""The lexicon as the rules read it: which verbs are cues and of what kind (saying, stance, raising,
quote-only), and which words name someone who can speak or hold a view."""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.matcher import Matcher
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from quotegrab.engine.grammar import VIEW_PRONOUNS
from quotegrab.engine.lexicon import Lexicon

# the dependencies of the word after a verb that can make a phrasal cue with it (see `_particle`), as ids
_PARTICLE_DEPS = frozenset(get_string_id(d) for d in ("prt", "advmod", "dobj"))
_ADVMOD, _DOBJ = get_string_id("advmod"), get_string_id("dobj")

# regular verb endings and what replaces them in the lemma: "hopes" -> "hope", "worried" -> "worry"
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", "e"), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
                ("ing", ""))


class Cues:
    """The cue lists and word classes of a lexicon, with the tests the rules put to a token."""

    def __init__(self, lexicon: Lexicon, thresholds: Mapping[str, int]) -> None:
        self.lexicon = lexicon
        self.cue_verbs = lexicon["cue_verbs"]
        self.weak_cues = lexicon["cue_verbs_weak"]
        self.cue_phrases = [tuple(p.split()) for p in lexicon["cue_phrases"]]
        # the cue phrases by their first word, in the order above: a word is matched against its own only
        self.phrases_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.cue_phrases:
            self.phrases_by_first.setdefault(phrase[0], []).append(phrase)
        self.cue_nouns = lexicon["cue_nouns"]
        self.cue_nouns_object = lexicon["cue_nouns_object"]
        # heads of phrasal cues ("point" of "point out"): only these are worth a look at their particle,
        # since the check runs on every token
        self.phrasal_heads = {cue.split()[0] for cue in self.cue_verbs if " " in cue}
        # the lemmas a cue verb's word can have, the speech sieve's question to the word index: one
        # frozenset, which keys the index by its kept hash
        self.cue_verb_heads = frozenset([*self.cue_verbs, *self.phrasal_heads])
        # the adjectives of models/cue_adjectives.txt ("confident" of "confident that"), read once
        self.adjective_heads = frozenset(frame.split()[0] for frame in lexicon["cue_adjectives"])
        # shortest object taken as a claim, for verbs of saying and for verbs of stance or belief: the
        # component's settings `min_indirect_tokens`, `min_stance_tokens`
        self.config = dict(thresholds)
        raising = lexicon["cue_verbs_raising"]
        self.raising_active = {c for c in raising if not c.startswith("be ")}
        self.raising_passive = {c[3:] for c in raising if c.startswith("be ")}
        self._frame_heads: dict[str, tuple[str, ...]] = {}
        # every regular inflection of a cue verb and the cue it inflects, the first ending in
        # `_INFLECTIONS` that makes the word winning: "hoping" -> "hope", "worried" -> "worry"
        self._inflected: dict[str, str] = {}
        for suffix, repl in _INFLECTIONS:
            for cue in self.cue_verbs:
                if cue.endswith(repl):
                    self._inflected.setdefault(cue[: len(cue) - len(repl)] + suffix, cue)
        # what repair_lemmas has read of a lemma's or a word's hash: whether it is a cue, and its cue lemma
        self._cue_lemma_ids: dict[int, bool] = {}
        self._repairs: dict[int, str | None] = {}
        self._verb_tags: dict[int, bool] = {}
        # the lemmas a cue noun can have: of a noun with a "that" clause or with an object ("criticism of")
        self.noun_cue_lemmas = tuple(sorted({*self.cue_nouns, *self.frame_heads("cue_nouns_object")}))
        # the cue phrases of models/cue_patterns.jsonl, and the lemmas their first word can have (None when
        # a pattern's first word is not given by its lemma: then every document is matched)
        self.cue_patterns = lexicon.patterns.get("cue_patterns", ())
        self.pattern_anchors = _first_lemmas(self.cue_patterns)
        self._matcher: tuple[Vocab, Matcher] | None = None
        # what a pattern's content is ("clause", or "any" words after the phrase), by the match key of its
        # name (a string's hash, the same in every vocabulary)
        self.pattern_contents = {get_string_id(str(e["name"])): str(e.get("content", "any")) for e in self.cue_patterns}

    def cue_matcher(self, vocab: Vocab) -> Matcher:
        """The Matcher of the cue phrases, built once for the pipeline's vocabulary (not per document)."""
        if self._matcher is None or self._matcher[0] is not vocab:
            matcher = Matcher(vocab)
            for entry in self.cue_patterns:
                matcher.add(str(entry["name"]), [entry["pattern"]], greedy="LONGEST")
            self._matcher = (vocab, matcher)
        return self._matcher[1]

    def frame_heads(self, name: str) -> tuple[str, ...]:
        """What the cues of lexicon list `name` that run over two words ("accuse of", "make clear") can begin
        with: every part before a space. A sieve asks the word index for these lemmas alone."""
        heads = self._frame_heads.get(name)
        if heads is None:
            frames = self.lexicon[name]
            heads = tuple(sorted({frame[:k] for frame in frames for k, ch in enumerate(frame) if ch == " "}))
            self._frame_heads[name] = heads
        return heads

    def repair_lemmas(self, doc: Doc) -> None:
        """The lemmatiser reads "hopes", "hoped", "hoping" as forms of "hop": a verb whose lemma is no
        cue but whose regular inflection is one gets the cue's lemma."""
        if not len(doc):
            return
        columns = doc.to_array([TAG, LEMMA, LOWER]).reshape(len(doc), 3)
        tags = columns[:, 0]
        strings = doc.vocab.strings
        # only verbs are repaired: find them in the tag column, not by asking every token
        verb_tags = [tag for tag in numpy.unique(tags).tolist() if self._is_verb_tag(tag, strings)]
        # a handful of verb tags: one comparison each is cheaper than numpy.isin
        wanted = numpy.zeros(len(tags), dtype=bool)
        for tag in verb_tags:
            wanted |= tags == tag
        verbs = numpy.flatnonzero(wanted)
        lemmas, lowers = columns[verbs, 1].tolist(), columns[verbs, 2].tolist()
        for i, lemma, lower in zip(verbs.tolist(), lemmas, lowers, strict=True):
            # a string's hash is the same in every document: each word is read as a string once
            if lemma not in self._cue_lemma_ids:
                self._cue_lemma_ids[lemma] = strings[lemma].lower() in self.cue_verbs
            if self._cue_lemma_ids[lemma]:
                continue
            if lower not in self._repairs:
                self._repairs[lower] = self.cue_lemma(strings[lower])
            repaired = self._repairs[lower]
            if repaired is not None:
                doc[i].lemma_ = repaired

    def _is_verb_tag(self, tag: int, strings: StringStore) -> bool:
        """Whether the tag (by its hash, read as a string once) is a verb's ("VBD", "VBZ", …)."""
        verb = self._verb_tags.get(tag)
        if verb is None:
            verb = self._verb_tags[tag] = strings[tag].startswith("VB")
        return verb

    def cue_lemma(self, word: str) -> str | None:
        """The cue verb `word` is a regular inflection of ("hoping" -> "hope"), if any."""
        return self._inflected.get(word)

    def is_cue_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma in self.phrasal_heads and f"{lemma} {_particle(token)}" in self.cue_verbs:
            return True
        if lemma not in self.cue_verbs:
            return False
        # each label decoded once: `.pos_` and `.tag_` look the string up again on every access
        pos, tag = token.pos_, token.tag_
        if pos not in ("VERB", "AUX") and tag != "VBZ":
            return False
        if pos == "AUX" and lemma != "say":
            return False
        if tag in ("VBN", "VBD") and token.dep_ == "advcl" and token.i < token.head.i and not any(
            c.dep_ in ("nsubj", "aux") for c in token.children
        ):
            return False  # "Asked about it, she said …": the participle's subject is who was asked
        if lemma in self.lexicon["cue_verbs_clause_only"]:
            # "maintained that …", "…, she maintains": a report; "maintains a wide lead", "has known him for
            # years": none
            deps = {c.dep_ for c in token.children}
            if "dobj" in deps and not deps & {"ccomp", "xcomp", "oprd"}:
                return False
        if lemma in self.weak_cues:
            return any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in token.children) or parenthetical(token)
        if lemma in self.lexicon["cue_verbs_finding"]:
            return self._reports_finding(token)
        return True

    def _reports_finding(self, verb: Token) -> bool:
        """"The poll found broad support", "Gallup finds states shifting", "he found that …": a finding.
        "Young voters can't find jobs", "find a way": a person's plain object is no finding; a person's
        finding has a clause, or an object with what was found of it ("found it to be a deterrent")."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "to find a way", "fail to find common ground": an infinitive without a subject of its own is a
        # search, not a finding, unless it has a clause or a predicate of its object
        searching = subject is None and verb.tag_ == "VB"
        if not searching and (subject is None or subject.ent_type_ == "ORG"
                              or subject.lemma_.lower() in self.lexicon["finding_sources"]):
            return True
        if any(c.dep_ in ("ccomp", "xcomp", "oprd", "advcl") and c.i > verb.i for c in verb.children):
            return True
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and any(c.dep_ in ("acl", "xcomp", "oprd", "ccomp") for c in obj.children)

    def strong_cue(self, token: Token) -> bool:
        """A verb of saying proper, not of stance or belief ("added", "noted", not "wants", "fears")."""
        lemma = token.lemma_.lower()
        stance = self.lexicon["cue_verbs_stance"]
        return token.pos_ == "VERB" and lemma in self.cue_verbs and lemma not in stance and lemma not in self.weak_cues

    def quote_only(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        quote_only = self.lexicon["cue_verbs_quote_only"]
        return lemma in quote_only or f"{lemma} {_particle(verb)}" in quote_only

    def agent(self, tok: Token) -> bool:
        """Someone who can hold a view: a person, an organisation, a personal pronoun, a role or group noun."""
        if tok.pos_ == "PRON":
            return tok.lower_ in VIEW_PRONOUNS
        named = tok.ent_type_ in ("PERSON", "ORG", "NORP")
        lemma = tok.lemma_.lower()
        nouns = (self.lexicon["org_nouns"], self.lexicon["roles"], self.lexicon["group_nouns"])
        return named or self.speaker_noun(tok) or tok.pos_ == "NOUN" and any(lemma in n for n in nouns)

    def person_or_group(self, tok: Token) -> bool:
        """Someone, not something: a pronoun, a named person or organisation, a role, group or organisation noun
        (an "address" the tagger marked as part of an organisation's name is not)."""
        if tok.pos_ == "PROPN":
            subtree = [t for t in tok.subtree if not (t.is_punct or t.dep_ in ("det", "poss", "case"))]
            return tok.ent_type_ in ("PERSON", "NORP") or tok.ent_type_ == "ORG" and all(t.ent_type_ for t in subtree)
        return self.agent(tok) and (tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "NORP") or any(
            tok.lemma_.lower() in self.lexicon[n] for n in ("roles", "group_nouns", "org_nouns")))

    def speaker_noun(self, tok: Token) -> bool:
        """A noun that names who speaks: a role ("spokesman"), a group ("officials"), an organisation."""
        lemma = tok.lower_
        return tok.pos_ in ("NOUN", "PROPN") and (
            lemma in self.lexicon["roles"] or lemma in self.lexicon["group_nouns"] or tok.ent_type_ == "ORG"
        )


def _first_lemmas(patterns: tuple[dict, ...]) -> frozenset[str] | None:
    """The lemmas the first word of the patterns can have: {"LEMMA": "take"} or {"LEMMA": {"IN": [...]}}."""
    lemmas: set[str] = set()
    for entry in patterns:
        first = entry["pattern"][0] if entry["pattern"] else {}
        lemma = first.get("LEMMA") if isinstance(first, dict) else None
        if isinstance(lemma, str):
            lemmas.add(lemma.lower())
        elif isinstance(lemma, dict) and isinstance(lemma.get("IN"), list):
            lemmas.update(str(word).lower() for word in lemma["IN"])
        else:
            return None
    return frozenset(lemmas)


def parenthetical(verb: Token) -> bool:
    """"If she wins, Clinton suggested in a tweet, women …": a cue set off by commas inside the
    sentence it reports, with no object of its own."""
    doc = verb.doc
    if verb.dep_ not in ("parataxis", "ccomp") or verb.head.i < verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.rights):
        return False
    # the nearest subject: 'Voters, Clinton suggested, don't …' may hang "Voters" on the cue too
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first, last = subject.left_edge.i, verb.right_edge.i
    before = doc[first - 1].text if first > verb.sent.start else ""
    after = doc[last].text if doc[last].is_punct else doc[last + 1].text if last + 1 < len(doc) else ""
    return before == "," and after == ","


def _particle(verb: Token) -> str:
    """The word right after a verb that makes a phrasal cue with it: a particle ("point out"), one the
    parser took for an adverb ("shot back", but not "fired back a response", where the verb has an object
    of its own), or the "it" of "put it"."""
    # only the word right after the verb can be it: that word is read, not every child of the verb
    doc, after = verb.doc, verb.i + 1
    word = doc[after] if after < len(doc) else None
    if word is None or word.head.i != verb.i or word.dep not in _PARTICLE_DEPS:
        return ""
    if word.dep == _ADVMOD and any(c.dep == _DOBJ for c in verb.children):
        return ""
    return word.lower_

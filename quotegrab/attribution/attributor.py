"""Attribution rules: which content is reported, through which cue, by which speaker mention.

The rules read the dependency parse around cue words (lemmas listed in models/cue_verbs.txt and
models/cue_phrases.txt) and the quotation spans found by `scanner.scan`. Each rule yields a `Claim`;
`classify` then decides direct / mixed / indirect from how much of the content lies inside quotation
marks, and `resolution.resolve` links speaker mentions to the article's speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotegrab.contract import Quote, Speaker
from quotegrab.lexicon import Lexicon
from quotegrab.resolution import Resolver
from quotegrab.scanner import Quotation, QuotationIndex, scan

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INHERIT_SUBJECT_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "dep", "acomp")
_CONTENT_EDGE = " \t\r\n,;:\u2014\u2013-"
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
_QUOTE_RULES = ("quote-before", "quote-after", "continuation", "colon", "dash", "according-to", "fronted-mixed")
_RELATIVES = ("who", "that", "which")
_NOT_SPEAKERS = {"this", "that", "which", "there", "what", "these", "those", "one"}
# "It said …" names an organisation or a document only with verbs of saying and finding.
_IT_CUES = {"say", "report", "state", "find", "show", "write", "add", "announce", "note", "warn", "claim"}
# what a question was about: "asked whether …", "asked about the plan", "asked what it meant"
_QUESTION_DEPS = ("ccomp", "advcl", "prep", "dobj", "xcomp", "pobj")
# rules whose claims may lie inside another claim's content ("…, who is expected to win, said …")
_NESTABLE = ("raising", "prep-object", "infinitive", "object-predicate")
_EXPLETIVE_OBJECTS = {"so", "it", "this", "that", "nothing", "anything", "something", "much"}


# regular verb endings and what replaces them in the lemma: "hopes" -> "hope", "worried" -> "worry"
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", "e"), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
                ("ing", ""))


@dataclass
class Claim:
    """An attribution found by a rule, before typing and speaker resolution."""

    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    mention: Span | None
    rule: str
    continues: Claim | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    type: str = "indirect"

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


class Attributor:
    """Applies the rules to a parsed Doc; returns contract `Quote`s and `Speaker`s."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cue_verbs = lexicon["cue_verbs"]
        self.weak_cues = lexicon["cue_verbs_weak"]
        self.cue_phrases = [tuple(p.split()) for p in lexicon["cue_phrases"]]
        self.cue_nouns = lexicon["cue_nouns"]
        self.cue_nouns_object = lexicon["cue_nouns_object"]
        # heads of phrasal cues ("point" of "point out"): only these are worth a look at their particle,
        # since the check runs on every token
        self.phrasal_heads = {cue.split()[0] for cue in self.cue_verbs if " " in cue}
        # shortest object taken as a claim, for verbs of saying and for verbs of stance or belief
        self.config = {"min_indirect_tokens": 3, "min_stance_tokens": 2}
        self.config.update(lexicon.config)
        self.resolver = Resolver(lexicon)
        raising = lexicon["cue_verbs_raising"]
        self.raising_active = {c for c in raising if not c.startswith("be ")}
        self.raising_passive = {c[3:] for c in raising if c.startswith("be ")}

    def __call__(self, doc: Doc) -> tuple[list[Quote], list[Speaker]]:
        text = doc.text
        quotations = scan(text)
        # doc.ents is rebuilt on every access: read the names once per document
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
        ctx = _Context(doc, quotations, names)
        self._repair_lemmas(doc)
        claims: list[Claim] = []
        for token in doc:
            if ctx.quoted(token):
                continue
            agent = self._passive_agent(token, ctx)
            if agent is not None:
                claims.extend(self._passive_claims(token, agent, ctx))
            elif token.lemma_.lower() in ("ask", "tell") and self._asked_unnamed(token):
                claims.extend(self._question_put(token, ctx))
            elif self._reported_unnamed(token):
                claims.extend(self._unnamed_report(token, ctx))
            elif self._is_cue_verb(token):
                claims.extend(self._claims_for_verb(token, ctx))
            elif token.pos_ == "VERB" and token.lemma_.lower() not in self.lexicon["not_cue_verbs"]:
                claims.extend(self._clause_reported(token, ctx))
        claims.extend(self._according_to(doc, ctx))
        claims.extend(self._found_in(doc, ctx))
        claims.extend(self._open_question(doc, ctx))
        claims = self._with_raising_claims(doc, ctx, claims)
        claims = self._with_prep_object_claims(doc, ctx, claims)
        claims = self._with_infinitive_claims(doc, ctx, claims)
        claims = self._with_object_predicate_claims(doc, ctx, claims)
        claims.extend(self._in_source_claims(doc, ctx))
        claims.extend(self._gapped_clauses(doc, ctx))
        claims.extend(self._self_described(doc, ctx))
        claims.extend(ctx.headline_claims(self.lexicon["finding_sources"]))
        # a claim never contains its own cue (a parse that wraps it into the content), and every piece of
        # it holds words: a broken parse can give a rule an empty range
        claims = [c for c in claims if not _contains_own_attribution(c) and all(s < e for s, e in c.spans)]
        nestable = [c for c in claims if c.rule in _NESTABLE]
        claims = _drop_overlaps(claims)
        kept = {id(c) for c in claims}
        claims.extend(_nested([c for c in nestable if id(c) not in kept] + self._nominal_claims(doc, ctx), claims))
        claims.extend(self._unattributed_quotations(ctx, claims))
        claims.sort(key=lambda c: c.start)
        claims = _merge_interrupted(claims, doc)
        for claim in claims:
            self._classify(claim, ctx)
        return self.resolver.build(doc, claims, quotations, names)

    # -- cues ------------------------------------------------------------------------------------

    def _repair_lemmas(self, doc: Doc) -> None:
        """The lemmatiser reads "hopes", "hoped", "hoping" as forms of "hop": a verb whose lemma is no
        cue but whose regular inflection is one gets the cue's lemma."""
        for token in doc:
            if not token.tag_.startswith("VB") or token.lemma_.lower() in self.cue_verbs:
                continue
            word = token.lower_
            for suffix, repl in _INFLECTIONS:
                if word.endswith(suffix) and word[: len(word) - len(suffix)] + repl in self.cue_verbs:
                    token.lemma_ = word[: len(word) - len(suffix)] + repl
                    break

    def _is_cue_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma in self.phrasal_heads:
            particle = next((c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1), None)
            if particle is not None and f"{lemma} {particle.lower_}" in self.cue_verbs:
                return True
        if lemma not in self.cue_verbs or token.pos_ not in ("VERB", "AUX") and token.tag_ != "VBZ":
            return False
        if token.pos_ == "AUX" and lemma != "say":
            return False
        if token.tag_ in ("VBN", "VBD") and token.dep_ == "advcl" and token.i < token.head.i and not any(
            c.dep_ in ("nsubj", "aux") for c in token.children
        ):
            return False  # "Asked about it, she said …": the participle's subject is who was asked
        if lemma in self.weak_cues:
            return any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in token.children) or _parenthetical(token)
        return True

    def _claims_for_verb(self, verb: Token, ctx: _Context) -> list[Claim]:
        speaker = self._speaker_of(verb, ctx)
        if speaker is None:
            return []
        cue = _cue_span(verb)
        claims = []
        # "…," Fiorina said, adding that …: the quote before belongs to the verb the participle hangs on
        joined = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and speaker.root.head.i != verb.i
        before = None if joined else ctx.quotation_before(verb, speaker)
        after = ctx.quotation_after(verb, speaker)
        complement = self._complement(verb, ctx)
        lead = ctx.sentence_lead(before) if before is not None else None
        if before is not None and lead is not None and after is not None and ctx.introduces(verb, speaker, after):
            # 'Remarking upon Clinton's "genuine empathy," Starr said, "Leave aside …"': the cue
            # introduces the quote after it; the quoted words before it are part of the scene.
            before = None
        tail = ctx.tail_before_cue(before, verb, speaker) if before is not None and lead is None else None
        gap = ctx.doc.char_span(before.end, tail, alignment_mode="expand") if tail is not None else None
        if gap is not None and any(self._is_cue_verb(t) for t in gap):
            before = tail = None  # '"Quiet," he demanded, as Bush continued': the quote is the nearer cue's
        if before is not None and (lead is not None or tail is not None):
            # 'Sanders "is tapping …," Rosenberg said' / '"It's stable now," and donations rose, Gilbert
            # said': the words around the quote in the cue's sentence are content too
            start = lead if lead is not None else before.start
            claims.append(Claim([(start, tail or before.end)], cue, speaker, "fronted-mixed"))
        elif before is not None:
            pieces = list(before.pieces)
            resumed = ctx.quotation_resumed(verb, speaker, before)
            if resumed is not None:
                pieces.extend(resumed.pieces)
            claims.append(Claim(pieces, cue, speaker, "quote-before"))
            # "…," Trump said, adding that … : the complement is a claim of its own only when it
            # is not the quote's own clause.
            if (
                complement is not None
                and not _overlaps(complement, (before.start, before.end))
                and complement[0] > verb.idx
            ):
                claims.append(Claim([complement], cue, speaker, "complement"))
        elif after is not None:
            span = ctx.extend_to_clause_end(after, verb)
            lead = ctx.lead_into_lowercase_quote(verb, speaker, after) or ctx.relative_object(verb, speaker)
            claims.append(Claim([lead, span] if lead else [span], cue, speaker, "quote-after"))
        elif self._quote_only(verb):
            return claims
        elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            # "As Crane said, the candidates have become …": the clause the aside leans on is the claim
            pieces = ctx.sentence_without(verb.sent, verb.left_edge.i, verb.right_edge.i)
            if pieces:
                claims.append(Claim(pieces, cue, speaker, "as-aside"))
        elif complement is not None and not _parenthetical(verb):
            claims.append(Claim([complement], cue, speaker, "complement"))
        else:
            fronted = ctx.fronted_content(verb, speaker)
            if fronted:
                claims.append(Claim(fronted, cue, speaker, "fronted"))
        return claims

    def _passive_agent(self, verb: Token, ctx: _Context) -> Token | None:
        """Who a passive cue credits: "The meeting was first reported by Politico", "a measure opposed by
        unions", "was asked by the host whether …"."""
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in self.cue_verbs:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if obj is None or ctx.quoted(obj) or not (self._agent(obj) or obj.pos_ == "PROPN"):
            return None
        return obj

    def _passive_claims(self, verb: Token, agent: Token, ctx: _Context) -> list[Claim]:
        mention = _mention_span(agent, ctx)
        if verb.lemma_.lower() == "ask":
            questions = self._question_put(verb, ctx)
            for claim in questions:
                claim.mention = mention
            return questions
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        elif verb.dep_ == "acl" and verb.head.i < verb.i:
            # "a measure strongly opposed by unions": the noun the participle describes
            noun = verb.head
            before = verb.doc[verb.left_edge.i - 1]
            start, end = noun.left_edge.idx, before.idx + len(before)
        else:
            return []
        span = _trim(ctx.text, start, end, min_chars=3)
        if span is None:
            return []
        return [Claim([span], _cue_span(verb), mention, "passive")]

    def _reported_unnamed(self, verb: Token) -> bool:
        """"It was announced that …", "The deal was reported to include …": a passive cue with no agent."""
        return (
            verb.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in verb.children)
            and self._is_cue_verb(verb)
            and not any(c.dep_ == "agent" for c in verb.children)
        )

    def _unnamed_report(self, verb: Token, ctx: _Context) -> list[Claim]:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if clause is not None:
            span = _trim(ctx.text, *_subtree_range(clause), min_chars=8)
            pieces = [span] if span else []
        elif subject is not None and infinitive is not None and subject.lower_ != "it":
            # "[The deal] was reported [to include a port]": what is reported is the subject and the infinitive
            pieces = [p for p in (_trim(ctx.text, *_subtree_range(subject), min_chars=2),
                                  _trim(ctx.text, *_subtree_range(infinitive), min_chars=4)) if p]
            if len(pieces) < 2:
                return []
        else:
            return []
        return [Claim(pieces, _cue_span(verb), None, "unnamed")] if pieces else []

    def _asked_unnamed(self, verb: Token) -> bool:
        """"Asked whether …, Trump said" and "Trump was asked whether …": whoever asked goes unnamed."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        # "…, she said when asked about it": a participle after its clause, introduced by "when", "if"
        when = any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "if", "once", "after") for c in verb.children)
        return (
            verb.tag_ in ("VBN", "VBD")  # a sentence-initial "Asked" is often tagged as a past tense
            and verb.dep_ == "advcl"
            and (verb.i < verb.head.i or when)
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        )

    def _question_put(self, verb: Token, ctx: _Context) -> list[Claim]:
        """The question itself is the content; there is no speaker to credit."""
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in _QUESTION_DEPS]
        if not any(_asked_for(c) for c in right):
            return []
        if not right:
            return []
        end_tok = max((c.right_edge for c in right), key=lambda t: t.i)
        start = min(c.left_edge.idx for c in right)
        span = _trim(ctx.text, start, end_tok.idx + len(end_tok), min_chars=4)
        if span is None:
            return []
        return [Claim([span], _cue_span(verb), None, "question")]

    def _clause_reported(self, verb: Token, ctx: _Context) -> list[Claim]:
        """A person's or organisation's verb with a clause for its object ("Clinton learned that …",
        "aides calculated that …") reports a belief or a finding, whatever the verb."""
        if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or ctx.quoted(subject) or not self._agent(subject):
            return []
        complement = self._complement(verb, ctx)
        if complement is None:
            return []
        return [Claim([complement], _cue_span(verb), _mention_span(subject, ctx), "clause")]

    def _agent(self, tok: Token) -> bool:
        """Someone who can hold a view: a person, an organisation, a personal pronoun, a role or group noun."""
        if tok.pos_ == "PRON":
            return tok.lower_ in ("he", "she", "they", "we", "i", "you")
        named = tok.ent_type_ in ("PERSON", "ORG", "NORP")
        lemma = tok.lemma_.lower()
        nouns = (self.lexicon["org_nouns"], self.lexicon["roles"], self.lexicon["group_nouns"])
        return named or self._speaker_noun(tok) or tok.pos_ == "NOUN" and any(lemma in n for n in nouns)

    def _person_or_group(self, tok: Token) -> bool:
        """Someone, not something: a pronoun, a named person or organisation, a role, group or organisation noun
        (an "address" the tagger marked as part of an organisation's name is not)."""
        if tok.pos_ == "PROPN":
            subtree = [t for t in tok.subtree if not (t.is_punct or t.dep_ in ("det", "poss", "case"))]
            return tok.ent_type_ in ("PERSON", "NORP") or tok.ent_type_ == "ORG" and all(t.ent_type_ for t in subtree)
        return self._agent(tok) and (tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "NORP") or any(
            tok.lemma_.lower() in self.lexicon[n] for n in ("roles", "group_nouns", "org_nouns")))

    def _strong_cue(self, token: Token) -> bool:
        """A verb of saying proper, not of stance or belief ("added", "noted", not "wants", "fears")."""
        lemma = token.lemma_.lower()
        stance = self.lexicon["cue_verbs_stance"]
        return token.pos_ == "VERB" and lemma in self.cue_verbs and lemma not in stance and lemma not in self.weak_cues

    def _quote_only(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), "")
        quote_only = self.lexicon["cue_verbs_quote_only"]
        return lemma in quote_only or f"{lemma} {particle}" in quote_only

    def _speaker_of(self, verb: Token, ctx: _Context) -> Span | None:
        head = verb
        for _ in range(6):
            subject = self._subject_child(head, ctx)
            if subject is not None:
                break
            aside = next((c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < head.i), None)
            subject = self._subject_child(aside, ctx) if aside is not None else None
            if subject is not None:
                break  # "Mendes, noting the size of the crowd, said …" parsed with the subject on the participle
            passive_relative = any(c.dep_ == "nsubjpass" for c in head.children)
            infinitive = head.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            if infinitive and head.head.dep_ == "dobj" and head.head.head.pos_ == "VERB":
                head = head.head.head  # "she invoked the attacks to defend herself": who invoked them defends
                continue
            if head.dep_ == "relcl" and head.head.pos_ in ("PROPN", "NOUN", "PRON") and not passive_relative:
                subject = head.head
                break
            passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and head.lemma_.lower() == "quote":
                subject = passive  # "X was quoted as saying", "X was asked whether"
                break
            conjunct = head.head
            if (
                head.dep_ == "conj"
                and conjunct.dep_ == "ccomp"
                and self._is_cue_verb(conjunct.head)
                and self._strong_cue(head)
            ):
                # "said the road was safe but added, …" parsed with "added" joined to "was": the one who
                # adds is the one who said
                head = conjunct.head
                continue
            if (
                head is verb
                and _trailing_participle(verb)
                and conjunct.dep_ == "ccomp"
                and conjunct.head.i < conjunct.i
                and self._is_cue_verb(conjunct.head)
                and not self._is_cue_verb(conjunct)
            ):
                # "Packer said the focus is taking a toll, pointing to …": the participle closing a reported
                # clause is the reporter's, not the clause subject's
                head = conjunct.head
                continue
            if head.dep_ == "parataxis" and conjunct.tag_ == "VBG" and conjunct.i < head.i:
                head = conjunct  # "Durbin, noting the size of the list, said …" parsed with "noting" as the root
                continue
            if passive is not None and head is not verb:
                subject = passive  # "she was suspended after slamming …": the one suspended slammed
                break
            controller = next((c for c in conjunct.children if c.dep_ == "dobj" and c.i < head.i), None)
            if head.dep_ == "xcomp" and controller is not None and self._person_or_group(controller):
                subject = controller  # "led Republicans to say", "urged voters to reject": the object does it
                break
            noun = head.head
            if head.dep_ == "acl" and head.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN") and noun.i < head.i:
                issued = noun.head.lemma_.lower() in self.lexicon["issuing_verbs"]
                if noun.dep_ == "dobj" and issued and not self._person_or_group(noun):
                    head = noun.head  # "Trump issued a statement saying …": who issued it says it
                    continue
                subject = noun  # "super PACs supporting Cruz", "ads attacking him": the noun the participle describes
                break
            if head.dep_ in _INHERIT_SUBJECT_DEPS and head.head.i != head.i:
                head = head.head
                continue
            if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not _means_without_claim(head, verb, ctx):
                head = head.head  # "after hinting", "from endorsing", "by telling him that …": the clause's subject
                continue
            subject = self._adjacent_speaker(verb, ctx)
            if subject is None:
                return None
            break
        else:
            return None
        if subject.lower_ in _RELATIVES and subject.head.dep_ == "relcl":
            issuer = self._issuer(subject.head.head, ctx)
            if issuer is not None:
                return _mention_span(issuer, ctx)  # "Sanders released an ad that urges …": Sanders urges
            # "Trump, who said …": the relative pronoun is the mention; the resolver follows it to Trump
            return subject.doc[subject.i : subject.i + 1]
        if ctx.quoted(subject) or subject.i > verb.i and _in_title(subject, ctx):
            # the parser made a word of the quote (or of a quoted show's title: 'said on “Fox and Friends”')
            # the subject: the speaker is the name beside the cue
            subject = self._adjacent_speaker(verb, ctx)
            if subject is None:
                return None
        if subject.lower_ in _NOT_SPEAKERS or subject.pos_ in ("VERB", "AUX") or ctx.quoted(subject):
            return None
        if subject.lower_ == "it" and verb.lemma_.lower() not in _IT_CUES and not self._quote_only(verb):
            return None  # "it" speaks through verbs of saying or framing a quote ('"…," it read')
        if subject.dep_ == "csubj":
            return None
        return _mention_span(subject, ctx)

    def _issuer(self, noun: Token, ctx: _Context) -> Token | None:
        """Who put out the document or speech `noun` names, when it is the object of a verb of issuing
        ("the campaign released an ad", "the Post ran a piece"): that verb's subject, if someone."""
        if noun.dep_ != "dobj" or self._person_or_group(noun):
            return None
        if noun.head.lemma_.lower() not in self.lexicon["issuing_verbs"]:
            return None
        subject = self._subject_child(noun.head, ctx)
        return subject if subject is not None and self._person_or_group(subject) else None

    def _document_author(self, noun: Token) -> Token | None:
        """Who a tally, report or speech is by: "a tally by the AP", "a report from the Pentagon", "a filing
        prepared by the firm", "a speech Mrs. Clinton gave"; None for a noun that is someone itself."""
        if self._person_or_group(noun):
            return None
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                candidates = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                candidates = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
            elif child.dep_ == "relcl":
                candidates = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVES]
            else:
                continue
            author = next((c for c in candidates if self._person_or_group(c)), None)
            if author is not None:
                return author
        return None

    def _subject_child(self, head: Token, ctx: _Context) -> Token | None:
        """The verb's subject. A dateline the parser made a subject ("WASHINGTON, May 2 (AP) — A spokesman
        said …") gives way to the other subject, or to the name it was given in apposition after the dash;
        of two subjects the one nearer the verb is the right one."""
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
        # '"… the emails, the foundation …," said a person': a word of the quote parsed as a second
        # subject loses to the subject outside the marks
        outside = [c for c in subjects if not ctx.quoted(c)]
        subjects = outside or subjects
        for subject in list(subjects):
            if _dateline(subject, ctx):
                subjects.remove(subject)
                after = next((c for c in subject.children if c.dep_ == "appos" and _dateline_after(c, subject)), None)
                if after is not None and not subjects:
                    subjects.append(after)
        if len(subjects) > 1:
            before = [c for c in subjects if c.i < head.i]
            return before[-1] if before else subjects[0]
        return subjects[0] if subjects else None

    def _adjacent_speaker(self, verb: Token, ctx: _Context) -> Token | None:
        """When the parse gives the cue no subject ("Col. Warren, a spokesman in Baghdad, said, …" parsed
        as an apposition), the nearest name or pronoun next to the cue, with no other verb between."""
        sent = verb.sent
        for tok in reversed(list(_token_range(verb.doc, sent.start, verb.i))):
            if tok.pos_ in ("VERB", "AUX") or ctx.quoted(tok):
                break
            if tok.dep_ == "poss" or tok.head.dep_ == "poss":
                continue  # "noting the size of Sanders's following, said": a possessor is not who speaks
            if tok.ent_type_ == "PERSON":
                return _entity_root(tok)
            if tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "they", "we", "i"):
                return tok
            if self._speaker_noun(tok):
                return tok
        # '“…,” said Smith': an inverted speaker follows a cue that follows its quote; otherwise a name the
        # cue governs is its object ("supporting Cruz", "asked Obama what …"), never its speaker
        inverted = verb.i > sent.start and verb.nbor(-1).is_punct
        for tok in _token_range(verb.doc, verb.i + 1, min(sent.end, verb.i + 6)):
            # "denounced her record as secretary of state": a noun past a preposition is no inverted speaker
            if tok.pos_ in ("VERB", "AUX") or ctx.quoted(tok):
                break
            if not inverted and _governed_by(tok, verb):
                continue
            if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" and tok.lower_ in ("he", "she"):
                return _entity_root(tok)
            if self._speaker_noun(tok):
                return tok
        return None

    def _speaker_noun(self, tok: Token) -> bool:
        """A noun that names who speaks: a role ("spokesman"), a group ("officials"), an organisation."""
        lemma = tok.lower_
        return tok.pos_ in ("NOUN", "PROPN") and (
            lemma in self.lexicon["roles"] or lemma in self.lexicon["group_nouns"] or tok.ent_type_ == "ORG"
        )

    def _complement(self, verb: Token, ctx: _Context) -> tuple[int, int] | None:
        """The reported clause of a cue verb: its clausal complement, or for verbs without one
        whose object holds quoted words ("described as “very generous” an offer"), the rest of its clause."""
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if comp is None and verb.lemma_.lower() in ("say", "tell", "add", "write"):
            # "said seeing so many officers was welcome" is often parsed with an open complement
            comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VBG"), None)
        if comp is None:
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is None and verb.lemma_.lower() in ("ask", "wonder", "question"):
            # "asked if they were always so serious"
            comp = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                         and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
        if comp is not None:
            stop = self._nested_cue_stop(comp, ctx)
            start, end = _subtree_range(comp, stop_at=stop)
            # a second clause the parser hung on the cue ("said Trump has respect for the military and his
            # comment was …") goes on with the same report
            more = [c for c in verb.children
                    if c.dep_ == "ccomp" and c.i > comp.i and c.left_edge.i > comp.right_edge.i]
            if stop is None and comp.i > verb.i and more and more[0].left_edge.i == comp.right_edge.i + 1:
                end = max(end, _subtree_range(more[0], stop_at=self._nested_cue_stop(more[0], ctx))[1])
            start, end = ctx.absorb_quotations(start, end)
            if stop is None and comp.i > verb.i:
                end = self._past_quoted_comma(verb, end, ctx)
                end = ctx.quote_after_colon(end)
            trimmed = _cut_aside(ctx.text, *(_trim(ctx.text, start, end, min_chars=8) or (0, 0)))
            return ctx.cut_trailing_comment(*trimmed) if trimmed else None
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "prep", "oprd", "attr")]
        if verb.lemma_.lower() == "ask" and not any(_asked_for(c) for c in right):
            return None  # "asked reporters", "ask a question": no content
        if not right:
            return None
        if all(c.dep_ == "dobj" and c.lower_ in _EXPLETIVE_OBJECTS for c in right):
            return None
        start = min(c.left_edge.idx for c in right)
        end_tok = max((c.right_edge for c in right), key=lambda t: t.i)
        end = end_tok.idx + len(end_tok)
        lemma = verb.lemma_.lower()
        if not ctx.has_quotation(start, end) and lemma in ("say", "tell", "add"):
            return None
        objects = [c for c in right if c.dep_ in ("dobj", "xcomp")]
        someone = objects and (
            objects[0].ent_type_ in ("PERSON", "ORG") or objects[0].lower_ in ("him", "her", "them")
        )
        if lemma in self.lexicon["cue_verbs_stance"] and someone:
            # "Ryan endorsed Trump in early June", "criticized him": a stance toward someone is about them alone
            obj = objects[0]
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            return _trim(ctx.text, start, end, min_chars=2)
        start, end = ctx.absorb_quotations(start, end)
        stance = lemma in self.lexicon["cue_verbs_stance"] or lemma in self.weak_cues
        # "opposes the levy" is a stance; "wrote the bill" is no report: verbs of saying need a longer object
        shortest = self.config["min_stance_tokens"] if stance else self.config["min_indirect_tokens"]
        if len(ctx.text[start:end].split()) < shortest:
            return None
        trimmed = _trim(ctx.text, start, end, min_chars=8)
        return ctx.cut_trailing_comment(*trimmed) if trimmed else None

    def _past_quoted_comma(self, verb: Token, end: int, ctx: _Context) -> int:
        """'ready to "take on the cartel," secure the border and …': the parser ends a clause at a quote
        closed by a comma; the sentence goes on with the same report unless an attribution follows."""
        if ctx.text[max(0, end - 3) : end].rstrip("\"'\u201d\u2019")[-1:] != ",":
            return end
        sent_end = verb.sent.end_char
        rest = ctx.doc.char_span(end, sent_end, alignment_mode="contract")
        if rest is None or len(rest) < 3 or any(
            ctx.quoted(t) or self._is_cue_verb(t) or t.dep_ in _SUBJECT_DEPS for t in rest
        ):  # a new subject ("…," and the council agreed) starts the writer's own clause
            return end
        return sent_end

    def _nested_cue_stop(self, comp: Token, ctx: _Context) -> int | None:
        """Index of the first token of a nested, separately attributed clause (", saying …")."""
        for tok in comp.subtree:
            if tok is comp or tok.i <= comp.i:
                continue
            if tok.lemma_.lower() in self.cue_nouns and tok.left_edge.i > comp.i:
                # "…, a claim that officials disputed": the writer's comment on the content, not part of it
                before = tok.doc[tok.left_edge.i - 1]
                if before.text in (",", "\u2014", "--"):
                    return before.i
            if tok.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
                continue  # "said that A and that she expects B": one report with two clauses
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            nested = tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" or tok.dep_ == "conj" and own_subject
            # "said it was too early but added, …": a verb of saying joined to the content is a new report
            nested = nested or tok.dep_ == "conj" and self._strong_cue(tok)
            if nested and self._is_cue_verb(tok) and not ctx.quoted(tok):
                first = tok.left_edge.i
                while first > comp.i and (tok.doc[first - 1].is_punct or tok.doc[first - 1].dep_ == "cc"):
                    first -= 1
                return first
        return None

    def _open_question(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """"It is unclear whether the bills can pass", "It is hard to know what he meant": the writer
        reports a matter as open or settled without crediting anyone."""
        claims = []
        for adjective in doc:
            if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in self.lexicon["open_question_adjectives"]:
                continue
            be = adjective.head
            if ctx.quoted(be) or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
                continue
            # "hard to know what …": the clause hangs on the infinitive, which the parser puts on either word
            holder = next((c for c in (*adjective.children, *be.children) if c.dep_ == "xcomp"), None) or be
            clause = next((c for c in holder.children if c.dep_ == "ccomp" and c.i > holder.i), None)
            if clause is None:
                continue
            first = clause.left_edge
            while first.i < clause.i and (first.dep_ == "mark" or first.tag_ in ("WRB", "WP", "WDT")):
                first = doc[first.i + 1]
            span = _trim(ctx.text, first.idx, clause.right_edge.idx + len(clause.right_edge), min_chars=8)
            it = next(c for c in be.children if c.dep_ == "nsubj")
            if span is not None:
                cue_end = holder if holder.i > adjective.i else adjective
                claims.append(Claim([span], (it.idx, cue_end.idx + len(cue_end)), None, "open-question"))
        return claims

    def _found_in(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """"In the latest Marist poll, Clinton leads by six points": a finding credited to the poll."""
        claims = []
        for prep in doc:
            if prep.lower_ != "in" or prep.dep_ != "prep" or ctx.quoted(prep):
                continue
            obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if obj is None or obj.lemma_.lower() not in self.lexicon["finding_sources"]:
                continue
            if self._is_cue_verb(prep.head) or prep.i > prep.head.i:
                # "said in a statement" is the verb's own attribution; "leads in the polls" is a claim of
                # the writer's: only a fronted "In the poll, …" credits the poll
                continue
            mention = _mention_span(obj, ctx)
            content = ctx.sentence_without(prep.sent, prep.i, prep.right_edge.i)
            if content:
                claims.append(Claim(content, (prep.idx, prep.idx + len(prep)), mention, "found-in"))
        return claims

    def _according_to(self, doc: Doc, ctx: _Context) -> list[Claim]:
        claims = []
        first_words = {phrase[0] for phrase in self.cue_phrases}
        for token in doc:
            if token.lower_ not in first_words or ctx.quoted(token):
                continue
            for phrase in self.cue_phrases:
                end = token.i + len(phrase)
                if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != phrase:
                    continue
                obj = next((t for t in doc[end - 1].children if t.dep_ == "pobj"), None)
                if obj is None and end < len(doc):
                    obj = doc[end]
                if obj is None or ctx.quoted(obj):
                    continue
                author = self._document_author(obj)
                mention = _mention_span(obj if author is None else author, ctx)
                last = max(obj.right_edge.i, mention.end - 1)
                content = ctx.within_parentheses(token.i, last) or ctx.sentence_without(token.sent, token.i, last)
                if content:
                    cue = (token.idx, doc[end - 1].idx + len(doc[end - 1]))
                    claims.append(Claim(content, cue, mention, "according-to"))
        return claims

    # -- expectations and impressions: "X is expected to …", "X seems to …" ---------------------------

    def _with_raising_claims(self, doc: Doc, ctx: _Context, claims: list[Claim]) -> list[Claim]:
        """Adds the claims of raising cues (models/cue_verbs_raising.txt): the content is the subject
        and the complement together ("[the sale] is expected [to close in May]"), the speaker the "by"
        agent or nobody. Such a cue replaces any claim the speech rules made of the same verb."""
        found = []
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX") or ctx.quoted(verb):
                continue
            claim = self._raising_claim(verb, ctx)
            if claim is not None:
                found.append((verb, claim))
        return _in_place_of(claims, found)

    def _raising_claim(self, verb: Token, ctx: _Context) -> Claim | None:
        lemma = verb.lemma_.lower()
        auxpass = next((c for c in verb.children if c.dep_ == "auxpass"), None)
        passive = verb.tag_ == "VBN" and (auxpass is not None or verb.dep_ == "acl")
        # passive cues are listed as participles ("be expected"), active ones as lemmas ("seem")
        if not (verb.lower_ in self.raising_passive and passive or lemma in self.raising_active and not passive):
            return None
        comps = [
            c for c in verb.children
            if c.i > verb.i and (c.dep_ in ("xcomp", "ccomp", "acomp", "oprd", "attr")
                                 or c.dep_ == "prep" and c.lower_ in ("as", "like"))
        ]
        if lemma in ("see", "view", "regard") and not any(c.lower_ == "as" for c in comps):
            return None  # "he was seen walking": perception, not an opinion
        first_comp = min((c.i for c in comps), default=verb.i)
        if not passive and any(c.dep_ in ("prep", "agent") and verb.i < c.i < first_comp for c in verb.children):
            return None  # "appeared on CNN to discuss the plan": showing up, not seeming
        if not comps or any(ctx.quoted(c) for c in comps):
            return None
        first = min(comps, key=lambda c: c.i)
        stop = self._nested_cue_stop(first, ctx) if len(comps) == 1 else None
        start = min(c.left_edge.idx for c in comps)
        end_tok = max((c.right_edge for c in comps), key=lambda t: t.i)
        if stop is not None:
            end_tok = verb.doc[stop - 1]
        start, end = ctx.absorb_quotations(start, end_tok.idx + len(end_tok))
        para_end = ctx.paragraph_bounds(verb.idx)[1]
        complement = _trim(ctx.text, start, min(end, para_end), min_chars=4)
        if complement is None:
            return None
        complement = ctx.cut_trailing_comment(*(_cut_aside(ctx.text, *complement) or complement))
        dash = _WRITER_DASH.search(ctx.text, *complement)
        if dash is not None:
            complement = (complement[0], dash.start())  # "… into the economy - a key reason …"
        pieces = [complement]
        if verb.dep_ == "acl":
            subject = (verb.head.left_edge.idx, verb.head.idx + len(verb.head))
        else:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i > verb.i:
                return None  # a question: "Is he expected to win?"
            subject = None if subj is None or subj.lower_ == "it" else _noun_phrase(subj)
        if subject is not None:
            subject = _trim(ctx.text, *subject)
            if subject is not None and subject[1] <= complement[0]:
                pieces.insert(0, subject)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        mention = _mention_span(pobj, ctx) if pobj is not None and not ctx.quoted(pobj) else None
        cue_start = auxpass.idx if auxpass is not None and auxpass.i < verb.i else verb.idx
        return Claim(pieces, (cue_start, verb.idx + len(verb)), mention, "raising")

    # -- cues with a preposition: "called for X", "called on X to …", "referred to X" ---------------------

    def _with_prep_object_claims(self, doc: Doc, ctx: _Context, claims: list[Claim]) -> list[Claim]:
        """Adds the claims of cue verbs whose content is a prepositional object (models/cue_verbs_prep.txt),
        in place of any claim the other rules made of the same verb."""
        found = []
        prep_cues = self.lexicon["cue_verbs_prep"]
        for verb in doc:
            if verb.pos_ != "VERB" or ctx.quoted(verb):
                continue
            lemma = verb.lemma_.lower()
            for prep in verb.rights:
                if prep.dep_ not in ("prep", "prt") or f"{lemma} {prep.lower_}" not in prep_cues:
                    continue
                claim = self._prep_object_claim(verb, prep, ctx)
                if claim is not None:
                    found.append((verb, claim))
                break
            else:
                claim = self._for_clause_claim(verb, ctx) if f"{lemma} for" in prep_cues else None
                if claim is not None:
                    found.append((verb, claim))
        return _in_place_of(claims, found)

    def _for_clause_claim(self, verb: Token, ctx: _Context) -> Claim | None:
        """"called for the wage to be raised", parsed as a clause opened by "for": the clause without it."""
        clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i
                       and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
                       and c.left_edge.i == verb.i + 1), None)
        if clause is None or ctx.quoted(clause):
            return None
        speaker = self._speaker_of(verb, ctx)
        if speaker is None:
            return None
        mark = clause.left_edge
        start, end = ctx.absorb_quotations(mark.idx + len(mark), clause.right_edge.idx + len(clause.right_edge))
        para_start, para_end = ctx.paragraph_bounds(verb.idx)
        span = _trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
        if span is None:
            return None
        span = ctx.cut_trailing_comment(*span)
        return Claim([span], (verb.idx, mark.idx + len(mark)), speaker, "prep-object")

    def _prep_object_claim(self, verb: Token, prep: Token, ctx: _Context) -> Claim | None:
        if prep.dep_ == "prt":
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > prep.i), None)
        else:
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or ctx.quoted(obj) and obj.i == obj.right_edge.i == obj.left_edge.i:
            return None
        speaker = self._speaker_of(verb, ctx)
        if speaker is None:
            return None
        end_tok = obj.right_edge
        # "called on Sanders to release them": the infinitive hangs from the verb
        tail = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > end_tok.i
                     and c.left_edge.i == end_tok.i + 1 and c.left_edge.lower_ == "to"), None)
        if tail is not None:
            end_tok = tail.right_edge
        start, end = ctx.absorb_quotations(obj.left_edge.idx, end_tok.idx + len(end_tok))
        para_start, para_end = ctx.paragraph_bounds(verb.idx)
        span = _trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=2)
        if span is None:
            return None
        span = ctx.cut_trailing_comment(*(_cut_aside(ctx.text, *span) or span))
        return Claim([span], (verb.idx, prep.idx + len(prep)), speaker, "prep-object")

    # -- intentions and refusals: "declined to comment", "hopes to win" -------------------------------

    def _with_infinitive_claims(self, doc: Doc, ctx: _Context, claims: list[Claim]) -> list[Claim]:
        """Adds the claims of cue verbs whose content is their "to" infinitive (models/cue_verbs_infinitive.txt),
        however short, in place of any claim the other rules made of the same verb."""
        found = []
        cues = self.lexicon["cue_verbs_infinitive"]
        for verb in doc:
            if verb.pos_ != "VERB" or ctx.quoted(verb) or verb.lemma_.lower() not in cues:
                continue
            comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                         and c.left_edge.lower_ == "to"), None)
            if comp is None or ctx.quoted(comp):
                continue
            speaker = self._speaker_of(verb, ctx)
            if speaker is None:
                continue
            stop = self._nested_cue_stop(comp, ctx)
            start, end = ctx.absorb_quotations(*_subtree_range(comp, stop_at=stop))
            para_start, para_end = ctx.paragraph_bounds(verb.idx)
            span = _trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
            if span is None:
                continue
            span = ctx.cut_trailing_comment(*(_cut_aside(ctx.text, *span) or span))
            found.append((verb, Claim([span], _cue_span(verb), speaker, "infinitive")))
        return _in_place_of(claims, found)

    # -- what is said of someone: "accused X of Y", "sees X as Y", "called X Z" ------------------------

    def _with_object_predicate_claims(self, doc: Doc, ctx: _Context, claims: list[Claim]) -> list[Claim]:
        """Adds the claims of cue verbs whose content is their object with what is said of it
        (models/cue_verbs_object_prep.txt), in place of any claim the other rules made of the same verb."""
        found = []
        cues = self.lexicon["cue_verbs_object_prep"]
        for verb in doc:
            if verb.pos_ != "VERB" or ctx.quoted(verb) or any(c.dep_ == "auxpass" for c in verb.children):
                continue
            lemma = verb.lemma_.lower()
            obj = next((c for c in verb.children if c.i > verb.i and (
                c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.left_edge.i == verb.i + 1)), None)
            fronted = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                            and c.lower_ in ("what", "which", "that", "whom")), None)
            if obj is None and fronted is not None and not ctx.quoted(fronted):
                # "in what officials called a hate crime": the object leads its clause
                obj = fronted
            if obj is None:
                continue
            pred = next((c for c in verb.children if c.i > obj.i and (
                c.dep_ == "prep" and f"{lemma} {c.lower_}" in cues
                or c.dep_ in ("oprd", "xcomp") and f"{lemma} _" in cues)), None)
            if pred is None:
                # "accused Obama of …" parsed with the preposition under the object
                pred = next((c for c in obj.children if c.dep_ == "prep" and c.i > obj.i
                             and f"{lemma} {c.lower_}" in cues), None)
            if pred is None or pred.right_edge.i == pred.i and pred.dep_ == "prep":
                continue
            speaker = self._speaker_of(verb, ctx)
            if speaker is None:
                continue
            first = pred if obj.i < verb.i else obj
            start, end = ctx.absorb_quotations(first.left_edge.idx, pred.right_edge.idx + len(pred.right_edge))
            para_start, para_end = ctx.paragraph_bounds(verb.idx)
            span = _trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
            if span is None:
                continue
            span = ctx.cut_trailing_comment(*span)
            pieces = [(obj.idx, obj.idx + len(obj)), span] if obj.i < verb.i else [span]
            found.append((verb, Claim(pieces, _cue_span(verb), speaker, "object-predicate")))
        return _in_place_of(claims, found)

    # -- "In Bolton's view, …" ------------------------------------------------------------------------------

    def _in_source_claims(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """A fronted "In" with a possessed noun of models/source_nouns.txt ("In Bolton's view, …", "In
        Trump's mind, …") attributes the rest of its sentence to the possessor, like "according to".
        (Polls and surveys are `_found_in`'s.)"""
        claims = []
        nouns = self.lexicon["source_nouns"]
        for token in doc:
            if token.lower_ != "in" or token.dep_ != "prep" or ctx.quoted(token):
                continue
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lemma_.lower() not in nouns or ctx.quoted(obj):
                continue
            after = obj.right_edge.i + 1
            if token.head.i < token.i or after >= len(doc) or doc[after].text != ",":
                continue  # only a fronted phrase set off by a comma: "In the CBS poll, …"
            poss = next((c for c in obj.children if c.dep_ == "poss"), None)
            if poss is None or poss.lower_ in ("its",):
                continue  # "in view of", "in the view of many": no one named
            mention = _possessor_span(poss, ctx)
            last = obj.right_edge.i
            content = ctx.sentence_without(token.sent, token.i, last)
            if content:
                claims.append(Claim(content, (token.idx, token.idx + len(token)), mention, "in-source"))
        return claims

    def _self_described(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """"a self-described democratic socialist": the speaker is "self", the cue the participle (a cue
        verb) and the content the rest of the noun phrase."""
        claims = []
        for token in doc:
            if token.lower_ != "self" or token.i + 3 >= len(doc) or doc[token.i + 1].text != "-":
                continue
            participle = doc[token.i + 2]
            head = participle.head
            if participle.tag_ != "VBN" or participle.lemma_.lower() not in self.cue_verbs or head.i <= participle.i:
                continue
            if ctx.quoted(participle) and ctx.quoted(head):
                continue
            first, last = doc[participle.i + 1], head
            span = _trim(ctx.text, first.idx, last.idx + len(last), min_chars=2)
            if span is not None:
                cue = (participle.idx, participle.idx + len(participle))
                claims.append(Claim([span], cue, doc[token.i : token.i + 1], "self-described"))
        return claims

    def _gapped_clauses(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """"a move that the kingdom hopes will shatter …", "what scientists think is necessary": a cue in a
        relative clause whose reported clause lost its subject to the relative word. The content is that
        word and the rest of the clause, around the speaker and the cue."""
        claims = []
        for verb in doc:
            if verb.dep_ not in ("relcl", "ccomp") or ctx.quoted(verb) or not self._is_cue_verb(verb):
                continue
            comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if comp is None or subject is None or comp.left_edge.i >= subject.left_edge.i:
                continue
            gap = doc[comp.left_edge.i : subject.left_edge.i]
            if not gap or any(t.pos_ in ("VERB", "AUX") for t in gap) or ctx.quoted(gap[0]):
                continue
            if gap[-1].lower_ not in ("that", "which", "what", "who"):
                continue
            rest = _trim(ctx.text, verb.idx + len(verb), comp.right_edge.idx + len(comp.right_edge), min_chars=4)
            head = _trim(ctx.text, gap.start_char, gap.end_char)
            if rest is None or head is None:
                continue
            rest = ctx.cut_trailing_comment(*rest)
            claims.append(Claim([head, rest], _cue_span(verb), _mention_span(subject, ctx), "gapped"))
        return claims

    # -- nominal cues: "Trump's criticism of the judge", "her argument that …" --------------------------

    def _nominal_claims(self, doc: Doc, ctx: _Context) -> list[Claim]:
        """Nouns that carry reported content: a "that" clause after a noun of models/cue_nouns.txt ("the
        claim that …", "her argument is that …"), or the object of a noun and preposition of
        models/cue_nouns_object.txt ("criticism of X", "calls for X", "a pledge to …"). The speaker is
        the possessor or the "by"/"from" agent, else nobody."""
        claims = []
        for noun in doc:
            if noun.pos_ != "NOUN" or ctx.quoted(noun):
                continue
            claim = self._nominal_claim(noun, ctx)
            if claim is not None:
                claims.append(claim)
        return claims

    def _nominal_claim(self, noun: Token, ctx: _Context) -> Claim | None:
        doc = noun.doc
        lemma = noun.lemma_.lower()
        content = None
        cue_end = noun.i
        if lemma in self.cue_nouns:
            clause = next((c for c in noun.children if c.i > noun.i and _that_clause(c)), None)
            if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
                # "Her argument is that …"
                clause = next((c for c in noun.head.children if c.i > noun.head.i and _that_clause(c)), None)
            if clause is not None:
                stop = self._nested_cue_stop(clause, ctx)
                content = _subtree_range(clause, stop_at=stop)
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        needs_speaker = False
        if content is None and nxt is not None and (
            f"{lemma} {nxt.lower_}" in self.cue_nouns_object or f"{lemma} {nxt.lower_} +" in self.cue_nouns_object
        ):
            needs_speaker = f"{lemma} {nxt.lower_}" not in self.cue_nouns_object
            cue_end = nxt.i
            if nxt.lower_ == "to" and nxt.pos_ == "PART":
                verb = nxt.head
                if verb.i <= nxt.i or verb.pos_ not in ("VERB", "AUX"):
                    return None
                cue_end = noun.i  # the infinitive's "to" belongs to the content
                content = (nxt.idx, verb.right_edge.idx + len(verb.right_edge))
            else:
                obj = next((c for c in nxt.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    return None
                content = _subtree_range(obj)
        if content is None:
            return None
        para_start, para_end = ctx.paragraph_bounds(noun.idx)
        start, end = ctx.absorb_quotations(*content)
        span = _trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=2)
        if span is None:
            return None
        span = ctx.cut_trailing_comment(*(_cut_aside(ctx.text, *span) or span))
        dash = _WRITER_DASH.search(ctx.text, *span)
        if dash is not None and dash.start() > span[0]:
            span = (span[0], dash.start())
        mention = None
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ not in ("its",) and not ctx.quoted(poss):
            mention = _possessor_span(poss, ctx)
        else:
            agent = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                          and c.i > noun.i), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and not ctx.quoted(pobj) and (pobj.ent_type_ in ("PERSON", "ORG", "NORP")
                                                               or self._speaker_noun(pobj)):
                mention = _mention_span(pobj, ctx)
        if mention is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon["cue_noun_verbs"]:
            # "Trump voiced support for …": the subject of a verb that voices the cue
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subject is None and noun.head.dep_ in ("conj", "xcomp", "advcl") and noun.head.head.i < noun.head.i:
                subject = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and not ctx.quoted(subject) and subject.lower_ not in _NOT_SPEAKERS:
                mention = _mention_span(subject, ctx)
        if mention is None and needs_speaker:
            return None
        cue_tok = doc[cue_end]
        return Claim([span], (noun.idx, cue_tok.idx + len(cue_tok)), mention, "nominal")

    # -- quotations no cue claimed -------------------------------------------------------------------

    def _unattributed_quotations(self, ctx: _Context, claims: list[Claim]) -> list[Claim]:
        """Quotes with no cue of their own: continuations of the previous speaker, headline
        forms (Name: "…"), and dash attributions ("…" — Name)."""
        extra: list[Claim] = []
        covered = [(s, e) for c in claims for s, e in c.spans]
        by_start = sorted(claims, key=lambda c: c.start)
        for q in ctx.quotations:
            if any(s <= q.content_start and q.content_end <= e for s, e in covered):
                continue
            if any(_overlaps((s, e), (q.start, q.end)) for s, e in covered):
                continue
            if not ctx.stands_alone(q):
                continue
            claim = ctx.colon_or_dash_claim(q, self.lexicon)
            if claim is None:
                previous = [c for c in by_start + extra if c.end <= q.start and c.mention is not None
                            and c.rule in _QUOTE_RULES]
                prior = max(previous, key=lambda c: c.end) if previous else None
                if prior is not None and prior.type != "skip" and ctx.continues(prior, q):
                    claim = Claim(list(q.pieces), None, prior.mention, "continuation", continues=prior)
            if claim is not None:
                extra.append(claim)
        return extra

    # -- typing ----------------------------------------------------------------------------------------

    def _classify(self, claim: Claim, ctx: _Context) -> None:
        text = ctx.text
        inner = [q for s, e in claim.spans for q in ctx.index.overlapping(s, e)]
        inner = sorted({id(q): q for q in inner}.values(), key=lambda q: q.start)
        if claim.rule in ("quote-before", "continuation", "colon", "dash"):
            claim.type = "direct"
            return
        if claim.rule == "transcript":
            # a transcript line is typed by the marks inside it: the mark a quoted transcript opens each
            # paragraph with encloses the label too, so it makes nothing direct
            inner = [q for q in inner if q.start >= claim.start]
            if not inner:
                claim.type = "indirect"
                return
        # 'Cruz says that "when you live by the pen …"': words framed by "that" are reported speech
        # holding a verbatim fragment, not a quotation of their own
        that_clause = bool(inner) and claim.start <= inner[0].content_start and _after_that(text, inner[0])
        if _whole_quotation(claim, inner) and not that_clause:
            claim.spans = list(inner[0].pieces)
            claim.type = "direct"
            return
        if not inner:
            claim.type = "indirect"
            return
        first = inner[0]
        (start, end) = claim.spans[0]
        leading = text[start : first.start].strip(_CONTENT_EDGE) == ""
        covered = sum(min(end, q.end) - max(start, q.start) for q in inner if q.end > start and q.start < end)
        content_len = sum(e - s for s, e in claim.spans)
        if leading and covered >= 0.75 * content_len and not that_clause:
            # "According to X, “…” in Y prisons": the quotation is the content, the tail is scene-setting.
            claim.spans = list(first.pieces) if len(inner) == 1 else [(first.content_start, inner[-1].content_end)]
            claim.type = "direct"
            return
        claim.type = "mixed"
        # a fragment never reaches past its content (an unclosed mark runs to the paragraph's end)
        first_start, last_end = claim.spans[0][0], claim.spans[-1][1]
        claim.fragments = [
            (max(q.content_start, first_start), min(q.content_end, last_end))
            for q in inner
            if min(q.content_end, last_end) > max(q.content_start, first_start)
        ]


def _in_place_of(claims: list[Claim], found: list[tuple[Token, Claim]]) -> list[Claim]:
    """`claims` with the claims `found` for their verbs put in place of any other claim of those verbs."""
    if not found:
        return claims
    verbs = {verb.idx for verb, _ in found}
    kept = [c for c in claims if c.cue is None or c.cue[0] not in verbs]
    return kept + [claim for _, claim in found]


def _parenthetical_end(verb: Token) -> int | None:
    """Index of the first word after the comma that closes the cue's clause, when the sentence goes on."""
    doc = verb.doc
    comma = verb.right_edge.i if verb.right_edge.text == "," else verb.right_edge.i + 1
    if comma + 1 >= verb.sent.end or doc[comma].text != "," or doc[comma + 1].is_punct:
        return None
    return comma + 1


def _parenthetical(verb: Token) -> bool:
    """"If she wins, Clinton suggested in a tweet, women …": a cue set off by commas inside the
    sentence it reports, with no object of its own."""
    doc = verb.doc
    if verb.dep_ not in ("parataxis", "ccomp") or verb.head.i < verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.rights):
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first, last = subject.left_edge.i, verb.right_edge.i
    before = doc[first - 1].text if first > verb.sent.start else ""
    after = doc[last].text if doc[last].is_punct else doc[last + 1].text if last + 1 < len(doc) else ""
    return before == "," and after == ","


def _in_title(tok: Token, ctx: _Context) -> bool:
    """tok lies inside quotation marks that hold a title (a show, a book), which `quoted` leaves out."""
    return any(q.start <= tok.idx < q.end for q in ctx.all_quotations)


def _trailing_participle(verb: Token) -> bool:
    """", explaining …", "while adding …": a participle set off after the clause it hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    marked = any(c.dep_ == "mark" and c.lower_ == "while" for c in verb.children)
    return marked or before is not None and before.text == ","


def _means_without_claim(prep: Token, verb: Token, ctx: _Context) -> bool:
    """"defended the levy by citing a survey": a means with a bare noun for its object reports no claim
    ("by saying “…”", "by calling him out", "by telling him that …" do)."""
    if prep.lower_ != "by" or any(c.dep_ in ("prt", "oprd", "dative", "ccomp", "xcomp") for c in verb.children):
        return False
    right = [t for t in verb.subtree if t.i > verb.i]
    return not any(t.pos_ in ("VERB", "AUX") or ctx.quoted(t) for t in right)


def _governed_by(tok: Token, verb: Token) -> bool:
    """tok lies in the verb's object or complement, not its subject."""
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ not in ("nsubj", "nsubjpass", "csubj", "expl")
        tok = tok.head
    return False


_DASHES = ("\u2014", "\u2013", "-", "--")


def _is_dash(tok: Token) -> bool:
    """A dash between words, not a hyphen inside one ("front-runner", "Sun-Times")."""
    spaced = bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in ("\u2014", "\u2013") or tok.text in _DASHES and spaced


def _dateline(tok: Token, ctx: _Context) -> bool:
    """A place opening its paragraph before a dash: "WASHINGTON —", "NEW YORK, May 2 (AP) –"."""
    if tok.ent_type_ != "GPE" and not (tok.is_upper and len(tok) > 1):
        return False
    first = tok.left_edge
    para_start = ctx.paragraph_bounds(first.idx)[0]
    if ctx.text[para_start : first.idx].strip():
        return False
    doc = tok.doc
    for t in _token_range(doc, tok.i + 1, tok.i + 10):
        if _is_dash(t):
            return True
        if t.pos_ in ("VERB", "AUX") or ctx.quoted(t):
            return False
    return False


def _dateline_after(tok: Token, dateline: Token) -> bool:
    """tok lies after the dash that closes the dateline."""
    doc = tok.doc
    return any(_is_dash(t) for t in _token_range(doc, dateline.i + 1, tok.left_edge.i))


def _contains_own_attribution(claim: Claim) -> bool:
    return claim.cue is not None and any(_overlaps(claim.cue, span) for span in claim.spans)


def _token_range(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens start..end-1, clipped to the document."""
    return [doc[i] for i in range(max(0, start), min(len(doc), end))]


def _entity_root(tok: Token) -> Token:
    """The last token of the named entity containing tok: the head of a name like "Steven H. Warren"."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == tok.ent_type_:
        i += 1
    return doc[i]


def _after_that(text: str, q: Quotation) -> bool:
    """True when the word right before the quotation's opening mark is "that"."""
    return re.search(r"\bthat[ \t\u00a0]*$", text[max(0, q.start - 12) : q.start], re.IGNORECASE) is not None


def _whole_quotation(claim: Claim, inner: list[Quotation]) -> bool:
    return len(inner) == 1 and all(inner[0].start <= s and e <= inner[0].end for s, e in claim.spans)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cue_span(verb: Token) -> tuple[int, int]:
    """The cue with its particle or auxiliary-free phrase ("pointed out", "called for")."""
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    return verb.idx, end


# "WALLACE: …", "SEN. KAINE: …", optionally inside a quotation mark opening a quoted transcript
_TRANSCRIPT_LABEL = re.compile(r"(?m)^[ \t]*[\"\u201c]?([A-Z][A-Z.'\u2019 -]{0,28}[A-Z]):[ \t]+([^\n\r]+)$")
_ASIDE = re.compile(r",\s+(?:as|while|whereas|though|although|even as|despite|according to)\s")


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return min(pos, max(len(text) - 1, 0))


def _asked_for(child: Token) -> bool:
    """What a question was about or asked for ("asked whether …", "asked about the plan", "asked him to
    resign"), not whom it was put to or the word "question"."""
    if child.dep_ == "prep":
        return child.lower_ in ("about", "for", "on")
    return child.dep_ not in ("dobj", "dative")


def _cut_aside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Content ends before a trailing aside of the writer's: "…publicly, as was the case with …"."""
    if end <= start:
        return None
    for m in _ASIDE.finditer(text, start, end):
        # "a crucial, although brief, opportunity": an aside closed by a comma a few words on is inside
        # the claim
        if re.match(r"[^,]{0,30},\s", text[m.end() : end]):
            continue
        return (start, m.start()) if m.start() - start >= 8 else (start, end)
    return start, end


_WRITER_DASH = re.compile(r"\s(?:-|--|\u2014|\u2013)\s")


def _nested(extra: list[Claim], claims: list[Claim]) -> list[Claim]:
    """Claims that may overlap others' content, unless they repeat one (most of their words in a claim of
    their own size) or their cue lies inside it: an attribution nested in reported words is rarely
    counted as one of its own."""
    kept = []
    for claim in extra:
        chars = {i for s, e in claim.spans for i in range(s, e)}
        same = False
        for other in claims + kept:
            if not (other.start < claim.end and claim.start < other.end):
                continue
            ochars = {i for s, e in other.spans for i in range(s, e)}
            if len(chars & ochars) / max(1, len(chars | ochars)) > 0.5 or _contains_own_attribution(
                Claim(other.spans, claim.cue, None, claim.rule)
            ):
                same = True
                break
        if not same:
            kept.append(claim)
    return kept


def _possessor_span(poss: Token, ctx: _Context) -> Span:
    """A possessor as a speaker mention, without its "'s": "Bolton's view" -> "Bolton"."""
    mention = _mention_span(poss, ctx)
    end = mention.end
    while end - 1 > mention.start and mention.doc[end - 1].dep_ == "case":
        end -= 1
    return mention.doc[mention.start : end]


def _that_clause(token: Token) -> bool:
    """A clause opened by "that": "(the claim) that taxes will rise"; not a relative clause ending in its
    bare verb ("a claim that officials disputed")."""
    return (
        token.dep_ in ("acl", "ccomp", "appos")
        and token.right_edge.i > token.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in token.children)
    )


def _noun_phrase(head: Token) -> tuple[int, int]:
    """A subject's words up to the first comma or dash after its head: "The plan, which …" -> "The plan"."""
    doc = head.doc
    end = head.right_edge.i
    for i in range(head.i + 1, end + 1):
        if doc[i].text in (",", "-", "--", "\u2014", "\u2013", "("):
            end = i - 1
            break
    return head.left_edge.idx, doc[end].idx + len(doc[end])


def _subtree_range(token: Token, stop_at: int | None = None) -> tuple[int, int]:
    left = token.left_edge
    right = token.right_edge
    if stop_at is not None and stop_at > token.i:
        right = token.doc[stop_at - 1]
    return left.idx, right.idx + len(right)


def _trim(text: str, start: int, end: int, min_chars: int = 1) -> tuple[int, int] | None:
    while start < end and (text[start] in _CONTENT_EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _CONTENT_EDGE or text[end - 1] in ".") :
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    return (start, end) if end - start >= min_chars else None


def _mention_span(head: Token, ctx: _Context) -> Span:
    """The speaker mention: the subject's name or noun phrase, without relative clauses,
    appositions or anything inside quotation marks."""
    doc = head.doc
    left = head.i
    for tok in reversed(list(head.lefts)):
        if tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod") and not ctx.quoted(
            tok
        ):
            left = min(left, tok.left_edge.i)
    right = head.i
    for tok in head.rights:
        if tok.dep_ in ("compound", "flat", "case") or (
            tok.dep_ == "prep" and tok.lower_ in ("for", "of", "at", "with") and tok.i == right + 1
        ):
            right = max(right, tok.right_edge.i)
        else:
            break
    for k in range(left, head.i):
        if _is_dash(doc[k]):
            left = k + 1  # "RANGOON, Burma - Aung San Suu Kyi's allies": the dateline is not part of the name
    while left < head.i and (doc[left].is_punct or doc[left].is_space or ctx.quoted(doc[left])):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space or ctx.quoted(doc[right])):
        right -= 1
    return doc[left : right + 1]


def _drop_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep one claim per content: the first found rule wins over later rules covering the same words."""
    priority = {
        "headline": 0, "transcript": 0, "quote-before": 0, "fronted-mixed": 0, "quote-after": 1, "according-to": 2,
        "complement": 3, "question": 3, "as-aside": 4, "fronted": 4,
        "clause": 5, "found-in": 5, "passive": 5, "open-question": 5, "unnamed": 5,
    }
    kept: list[tuple[Claim, set[int]]] = []
    for claim in sorted(claims, key=lambda c: (priority.get(c.rule, 9), c.start)):
        chars = {i for s, e in claim.spans for i in range(s, e)}
        # only claims whose extent meets this one can overlap it
        rivals = (k for k in kept if k[0].start < claim.end and claim.start < k[0].end)
        if any(len(chars & other) / max(1, min(len(chars), len(other))) > 0.5 for _, other in rivals):
            continue
        kept.append((claim, chars))
    return [claim for claim, _ in kept]


def _same_or_next_paragraph(text: str, end: int, start: int) -> bool:
    """Between end and start lies at most one paragraph break, and when there is one, start opens the
    next paragraph (after its opening mark): a quote resumed there goes on from the one before."""
    parts = re.split(r"\r\n|\r|\n", text[end:start])
    parts = [p for p in parts if p.strip()] if len(parts) > 1 else parts
    if len(re.findall(r"(?:\r\n|\r|\n)\s*", text[end:start].strip(" \t"))) > 1:
        return False
    return len(parts) <= 1 or not parts[-1].strip(" \t\"'\u201c\u2018`")


def _merge_interrupted(claims: list[Claim], doc: Doc) -> list[Claim]:
    """"A," Trump said. "B." is one quote in two pieces: a continuation in the same paragraph,
    right after the sentence of the quote's cue, joins the quote it continues (a mixed one too: 'On jobs,
    "A," he said. "B."'), unless the cue goes on to a claim of its own ('"A," he said, adding that … "B."'):
    the words after that claim are its own."""
    text = doc.text
    merged: list[Claim] = []
    absorbed: dict[int, Claim] = {}
    for claim in claims:
        prior = claim.continues
        if (
            prior is not None
            and prior.rule in ("quote-before", "fronted-mixed", "quote-after")
            and prior.cue is not None
            and prior.cue[1] <= claim.start
            and _same_or_next_paragraph(text, max(prior.cue[1], prior.end), claim.start)
            and len(prior.spans) < 4
        ):
            at = next((i for i, c in enumerate(merged) if c is prior), None)
            later = merged[at + 1 :] if at is not None else []
            if at is not None and _after_cue_sentence(doc, prior, claim) and not _cue_goes_on(doc, prior, later):
                prior.spans.append(claim.spans[0])
                prior.spans.extend(claim.spans[1:])
                absorbed[id(claim)] = prior
                continue
        if claim.continues is not None and id(claim.continues) in absorbed:
            claim.continues = absorbed[id(claim.continues)]  # it goes on from the quote that took its prior in
        merged.append(claim)
    return merged


def _after_cue_sentence(doc: Doc, prior: Claim, claim: Claim) -> bool:
    """True when the continuation lies past the sentence of the prior quote's cue: a quote inside that
    sentence ('…, he said, and compared Y with Z: "B."') is another claim's."""
    assert prior.cue is not None
    cue = doc.char_span(*prior.cue, alignment_mode="expand")
    return cue is not None and claim.start >= cue.sent.end_char


def _cue_goes_on(doc: Doc, prior: Claim, later: list[Claim]) -> bool:
    """True when one of the `later` claims is a clause its speaker goes on to through the cue of `prior`
    ("said, adding that he had …", "said … and argued for nominating …"); a relative clause on the
    speaker ("said X, who endorsed Y") or an aside ("speaking by phone") is part of the attribution."""
    assert prior.cue is not None and prior.mention is not None
    cue = doc.char_span(*prior.cue, alignment_mode="expand")
    if cue is None:
        return False
    for claim in later:
        span = doc.char_span(*claim.cue, alignment_mode="expand") if claim.cue else None
        if span is None or span.root.head != cue.root or span.root.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        if claim.mention is None or claim.mention.start_char != prior.mention.start_char:
            continue
        content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if content is not None and any(t.pos_ in ("VERB", "AUX") for t in content):
            return True
    return False


def _title_case(text: str) -> bool:
    """Headline capitalisation: most words longer than three letters start with a capital."""
    words = [w for w in re.findall(r"[\w'\u2019-]+", text) if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _looks_like_title(text: str) -> bool:
    """"Face the Nation," "The 40-Year-Old Virgin": short, every major word capitalised, no sentence
    inside. Titles of shows and works are named, not said."""
    words = re.findall(r"[\w'\u2019-]+", text)
    if not 2 <= len(words) <= 7 or text.rstrip(" ,.")[-1:] in ("!", "?"):
        return False
    if re.search(r"[.!?;]\s", text.strip()):
        return False  # a sentence inside: something said
    major = [w for w in words if len(w) > 3 or w[:1].isupper()]
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in major)
    upper_share = sum(w[:1].isupper() or w[:1].isdigit() for w in words) / len(words)
    return len(major) >= 2 and capitalised and upper_share >= 0.5 and words[0][:1].isupper()


class _Context:
    """Per-document lookups shared by the rules: which tokens are quoted, sentence and paragraph edges."""

    def __init__(self, doc: Doc, all_quotations: list[Quotation], names: list[Span]) -> None:
        self.doc = doc
        self.text = doc.text
        self.all_quotations = all_quotations
        # Titles of works stay quoted text (their words are not attributed) but never become quotes.
        quotations = [q for q in all_quotations if not self._is_title(q)]
        self.quotations = quotations
        self.index = QuotationIndex(quotations)
        self.persons = [e for e in names if e.label_ == "PERSON"]
        self._token_quote: list[int] = [-1] * len(doc)
        qi = 0
        for tok in doc:
            while qi < len(quotations) and quotations[qi].end <= tok.idx:
                qi += 1
            # a token belongs to a quotation when it lies within its marks (the marks included)
            if qi < len(quotations) and quotations[qi].start <= tok.idx and tok.idx + len(tok) <= quotations[qi].end:
                self._token_quote[tok.i] = qi

    def _is_title(self, q: Quotation) -> bool:
        para_start, para_end = self.paragraph_bounds(q.start)
        headline = self.text[para_start:para_end].rstrip()[-1:] not in (".", "!", "?", "\u201d", '"', "'")
        if headline or len(q.pieces) != 1 or not _looks_like_title(self.text[q.content_start : q.content_end]):
            return False
        # '"But Pete Wilson Won," Axelrod said': capitalised words opening a sentence and ending in the
        # comma of an attribution are said, not named
        lead = self.text[para_start : q.start]
        opens_sentence = not lead.strip() or re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", lead) is not None
        return not (opens_sentence and self.text[q.content_start : q.content_end].rstrip()[-1:] in (",", "?", "!"))

    def quoted(self, token: Token) -> bool:
        return self._token_quote[token.i] >= 0

    def has_quotation(self, start: int, end: int) -> bool:
        return bool(self.index.overlapping(start, end))

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        text = self.text
        start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
        ends = [k for k in (text.find("\n", pos), text.find("\r", pos)) if k >= 0]
        return start, (min(ends) if ends else len(text))

    def absorb_quotations(self, start: int, end: int) -> tuple[int, int]:
        """Widen a parse-derived range to whole quotations: the parser often cuts long quotes."""
        for q in self.quotations:
            if q.start < end and start < q.end:
                if q.start < start and q.start >= self.paragraph_bounds(start)[0]:
                    start = q.start
                if q.end > end and q.end <= self.paragraph_bounds(end - 1)[1]:
                    end = q.end
        return start, end

    def quotation_before(self, verb: Token, speaker: Span) -> Quotation | None:
        """The quote this cue closes: "…," Trump said / "…?" asked Trump / '…': Trump says."""
        clause_start = min(verb.idx, speaker.start_char)
        para_start = self.paragraph_bounds(verb.idx)[0]
        candidates = [q for q in self.quotations if q.end <= clause_start and q.start >= para_start]
        if not candidates:
            return None
        q = candidates[-1]
        gap = self.text[q.end : clause_start].strip()
        inner = self.text[q.content_start : q.content_end].rstrip(" \u2019'\u201d\"")
        inner_end = inner[-1:]
        if gap in (",", ":", "\u2014", "\u2013", "--", "-"):
            return q
        if not gap:
            # "…," Trump said. A quote closed by a full stop ends its sentence: what follows is not its cue,
            # unless the cue clause is all that follows ("…." Trump said.) or the comma is missing
            # ("…niches" Grubbs said.)
            if inner_end in ",?!\u2014-":
                return q
            if inner_end.isalnum():  # the missing comma of a quote opening its sentence, not a scare quote
                return q if self.sentence_lead(q) is None and len(inner.split()) >= 3 else None
            bare = not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
            return q if inner_end == "." and bare and verb.sent.end - verb.i <= 4 else None
        # "…cost," Trump would pounce on it, he added: a quote ending in a comma whose cue comes
        # later in the same sentence.
        one_sentence = inner_end == "," and not _SENTENCE_END.search(gap + " ") and len(gap) < 120
        if one_sentence and not any(q.end <= o.start < clause_start for o in self.quotations):
            return q
        return None

    def tail_before_cue(self, q: Quotation, verb: Token, speaker: Span) -> int | None:
        """End of the words between a quote and the cue clause after it, when there are some: in
        '"It's stable now," and donations rose, Gilbert said' they finish the reported sentence."""
        clause_start = min(verb.idx, speaker.start_char)
        gap = self.text[q.end : clause_start]
        words = re.findall(r"\w+", gap)
        # a capital opens the speaker's name and its appositions ("…," Rep. Ann Cole, Democrat of Ohio, said)
        if len(words) < 2 or not words[0].islower() or self.has_quotation(q.end, clause_start):
            return None
        end = _trim(self.text, q.end, clause_start)
        return end[1] if end is not None else None

    def sentence_lead(self, q: Quotation) -> int | None:
        """Start of the words before a quote in its sentence, when there are some ("Trump's plan is
        "strategic," he said" is mixed); None when the quote opens its sentence."""
        para_start = self.paragraph_bounds(q.start)[0]
        lead = self.text[para_start : q.start]
        ends = list(_SENTENCE_END.finditer(lead))
        start = para_start + (ends[-1].end() if ends else 0)
        lead = self.text[start : q.start]
        if lead.rstrip()[-1:] in (":", "-", "\u2014", "\u2013"):
            return None  # "… plans by the company - ''I love Oreos,'' he said": the quote stands alone
        words = len(re.findall(r"\w+", lead))
        # 'Sanders "is tapping into something…," Rosenberg said': a quote that starts mid-sentence
        # continues the words before it
        mid_sentence = self.text[q.content_start : q.content_start + 1].islower()
        return start if words >= 2 or words and mid_sentence else None

    def sentence_end_after(self, pos: int) -> int:
        """End of the spaCy sentence holding the character at pos."""
        span = self.doc.char_span(pos, min(pos + 1, len(self.text)), alignment_mode="expand")
        return span.sent.end_char if span is not None and len(span) else pos

    def quotation_resumed(self, verb: Token, speaker: Span, before: Quotation) -> Quotation | None:
        """"It's a difficult issue," said the senator, "because …": the quote resumes mid-sentence
        right after its attribution."""
        clause_end = max(verb.idx + len(verb), speaker.end_char)
        para_end = self.paragraph_bounds(verb.idx)[1]
        q = next((q for q in self.quotations if q.start >= clause_end and q.start < para_end), None)
        if q is None:
            return None
        gap = self.text[clause_end : q.start].strip()
        if not gap.endswith(",") or len(gap) > 80 or _SENTENCE_END.search(gap + " "):
            return None
        between = self.doc.char_span(clause_end, q.start, alignment_mode="contract")
        if between is not None and any(t.pos_ == "VERB" for t in between):
            return None  # '"…," he said, adding, "…"': the second quote is the next verb's
        first = self.text[q.content_start : q.content_start + 1]
        return q if first.islower() or self.text[before.content_end - 1 : before.content_end] == "," else None

    def introduces(self, verb: Token, speaker: Span, q: Quotation) -> bool:
        """True when the cue clause ends in a comma or colon right before the quote."""
        clause_end = self._clause_end(verb, speaker)
        return self.text[clause_end : q.start].strip() in (",", ":")

    def _clause_end(self, verb: Token, speaker: Span) -> int:
        # "said Trump, "…"": an inverted speaker right after the cue belongs to the cue clause
        inverted = verb.i < speaker.start <= verb.i + 3
        return max(verb.idx + len(verb), speaker.end_char) if inverted else verb.idx + len(verb)

    def quotation_after(self, verb: Token, speaker: Span) -> Quotation | None:
        """The quote this cue introduces: Trump said, "…" / Trump told reporters: "…"."""
        clause_end = self._clause_end(verb, speaker)
        para_end = self.paragraph_bounds(verb.idx)[1]
        if self.text[clause_end:para_end].strip() == ":":
            # "He said:" closing a paragraph introduces the quote that opens the next one
            para_end = self.paragraph_bounds(_next_nonspace(self.text, para_end))[1]
        q = next((q for q in self.quotations if q.start >= clause_end and q.start < para_end), None)
        if q is None:
            return None
        gap = self.text[clause_end : q.start]
        if _SENTENCE_END.search(gap + " ") or len(gap) > 60:
            return None
        stripped = gap.strip()
        words = re.findall(r"\w+", stripped)
        if words and (words[0].lower() in ("that", "if", "whether") or len(words) > 4):
            # "adds that American Muslims have two choices: “…”": a clause leads into the quote, so
            # the content is that clause with the quote in it (mixed), which the complement rule finds
            return None
        if stripped.endswith((",", ":")) or stripped == "":
            # a quote right after the verb with no punctuation is its object ("said “numerous” …")
            if stripped == "" and self._starts_clause_mid_sentence(q):
                return None
            return q
        return None

    def lead_into_lowercase_quote(self, verb: Token, speaker: Span, q: Quotation) -> tuple[int, int] | None:
        """'If she is elected, he said, "she might …"': a quote resuming in lower case finishes the words
        before its cue clause, which are part of the content (it is mixed)."""
        if not self.text[q.content_start : q.content_start + 1].islower():
            return None
        clause_start = min(verb.idx, speaker.start_char)
        clause = self.text[clause_start : q.start].rstrip()
        if not clause.endswith(",") or len(re.findall(r"\w+", clause)) > 8 or speaker.root.head != verb:
            return None  # only a bare "Name said," interrupts the sentence
        start = max(verb.sent.start_char, self.paragraph_bounds(clause_start)[0])
        if not self.text[start:clause_start].rstrip().endswith(","):
            return None
        lead = _trim(self.text, start, clause_start, min_chars=2)
        # a lone connective ("Also, he said, "…"") links sentences; it is not reported content
        if lead is None or self.has_quotation(*lead) or len(re.findall(r"\w+", self.text[lead[0] : lead[1]])) < 2:
            return None
        return lead

    def relative_object(self, verb: Token, speaker: Span) -> tuple[int, int] | None:
        """'what he called "sophisticated adversaries"': the relative word the cue's clause opens with is
        the thing said, so the quote is a fragment of a mixed claim."""
        first = min(verb.i, speaker.start)
        if first == 0 or verb.i < speaker.start:
            return None
        rel = self.doc[first - 1]
        if rel.lower_ not in ("what", "which", "whom") or self.quoted(rel) or rel.head != verb:
            return None  # "to which O'Malley interjected: "…"" answers; it doesn't name what was said
        return rel.idx, rel.idx + len(rel)

    def _starts_clause_mid_sentence(self, q: Quotation) -> bool:
        if self.text[q.content_start : q.content_end].rstrip()[-1:] in (".", "!", "?"):
            return False
        after = self.text[q.end : q.end + 3]
        return bool(after.strip()) and after.lstrip()[:1] not in (".", "\u201d", '"', "") and not after.startswith(
            ("\n", "\r")
        )

    def extend_to_clause_end(self, q: Quotation, verb: Token) -> tuple[int, int]:
        """Content of a quote introduced by its cue: the quote and what follows it in the sentence."""
        para_end = self.paragraph_bounds(q.start)[1]
        if self.text[q.content_start : q.content_end].rstrip()[-1:] in (".", "!", "?"):
            return q.start, q.end
        tail = self.text[q.end : para_end]
        m = _SENTENCE_END.search(tail + " ")
        end = q.end + (m.start() + 1 if m else len(tail))
        if not self.text[q.end : end].strip(" .,;:\t"):
            return q.start, q.end
        return q.start, min(end, para_end)

    def within_parentheses(self, first: int, last: int) -> list[tuple[int, int]]:
        """"(93 percent were white, according to exit polls)": a cue phrase inside parentheses reports
        only what the parentheses hold."""
        doc = self.doc
        sent = doc[first].sent
        opening = next((t for t in reversed(doc[sent.start : first]) if t.text in "()"), None)
        closing = next((t for t in doc[last + 1 : sent.end] if t.text in "()"), None)
        if opening is None or closing is None or opening.text != "(" or closing.text != ")":
            return []
        piece = _trim(self.text, opening.idx + 1, doc[first].idx, min_chars=8)
        return [piece] if piece is not None else []

    def quote_after_colon(self, end: int) -> int:
        """'said she has the quality for the job: "Steadiness …"': a quote the claim introduces with a
        colon in the same paragraph is the end of the claim."""
        m = re.match(r"[ \t]*:[ \t]*", self.text[end : end + 8])
        if not m:
            return end
        q = next((q for q in self.index.overlapping(end, end + m.end() + 2) if q.start >= end), None)
        if q is None or q.start != end + m.end():
            return end
        return q.end

    def cut_trailing_comment(self, start: int, end: int) -> tuple[int, int]:
        """The writer's comment at the end of a claim is not part of it: "…in his comments, which raised
        concerns among experts", "…per share, well above what analysts expected", "…, reversing his stance"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 6:
            return start, end
        last = span[-1].i
        for tok in span[2:]:
            if tok.right_edge.i < last - 1 or tok.head.i >= tok.i:
                continue
            first = tok.left_edge
            before = self.doc[first.i - 1]
            if first.i <= span.start or self.quoted(before):
                continue  # a subtree reaching back before the claim ("which … by getting") is no tail of it
            # "…the file, by citing a poll": how the speaker argued, not what
            if tok.dep_ == "prep" and tok.lower_ == "by" and any(c.tag_ == "VBG" for c in tok.children):
                return start, before.idx + len(before)
            comment = (
                tok.dep_ == "relcl" and first.lower_ in ("which", "when", "where")
                or tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG" and first.i == tok.i
                or tok.dep_ == "appos" and first.lower_ in ("a", "an")
                or tok.dep_ == "prep" and first.lower_ == "well"
            )
            if comment and before.text == "," and before.idx - start >= 8:
                return start, before.idx
        return start, end

    def fronted_content(self, verb: Token, speaker: Span) -> list[tuple[int, int]]:
        """"The economy is strong, Trump said." — the content precedes the speaker and cue; with a
        parenthetical cue ("The only problem, she said, is that …") it also resumes after it."""
        sent = verb.sent
        first = min(speaker.start, verb.i)
        if first <= sent.start + 2:
            return []
        before = self.doc[first - 1]
        if before.text not in (",", ":", "\u2014", "\u2013", "--"):
            return []
        # only when nothing but adverbials follow the cue: "Trump said on Tuesday."
        for child in verb.rights:
            if child.dep_ in ("dobj", "ccomp", "xcomp", "attr"):
                return []
        para_start, para_end = self.paragraph_bounds(verb.idx)
        start = max(sent.start_char, para_start)
        lead = _trim(self.text, start, before.idx, min_chars=2)
        if lead is None:
            return []
        pieces = [lead]
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i > verb.i and verb.head.sent == sent:
            # the sentence's own verb comes after the aside: its words are the rest of the claim
            resume = verb.right_edge.i + 1
            while resume < sent.end and self.doc[resume].is_punct and not self.quoted(self.doc[resume]):
                resume += 1
            if resume <= verb.head.i:
                tail = _trim(self.text, self.doc[resume].idx, min(sent.end_char, para_end), min_chars=2)
                tail = _cut_aside(self.text, *tail) if tail is not None else None
                if tail is not None:
                    pieces.append(self.cut_trailing_comment(*tail))
        elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and (resume := _parenthetical_end(verb)):
            # "The effects are hard to predict, economists say, because …": the sentence goes on past the aside
            first = self.doc[resume]
            if first.lower_ in ("because", "since", "so", "but", "although", "though"):
                tail = _trim(self.text, first.idx, min(sent.end_char, para_end), min_chars=8)
                if tail is not None:
                    pieces.append(tail)
        if len(pieces) == 1 and (lead[1] - lead[0] < 12 or not self._has_verb(*lead)):
            return []  # "In a speech last July, Trump said:": a scene, not a claim
        return pieces

    def _has_verb(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def sentence_without(self, sent: Span, first: int, last: int) -> list[tuple[int, int]]:
        """A sentence's content around an "according to X" phrase at tokens first..last: the words
        before it and the words after it, each when it holds a clause's worth ("The fee, according to
        X, would be low" is one claim in two pieces)."""
        doc = self.doc
        para_start, para_end = self.paragraph_bounds(doc[first].idx)
        after_tok = last + 1
        while after_tok < sent.end and doc[after_tok].is_punct and not self.quoted(doc[after_tok]):
            after_tok += 1
        pieces = []
        before = (max(sent.start_char, para_start), doc[first].idx)
        before_words = re.findall(r"\w+", self.text[before[0] : before[1]])
        # "The AP reported that, according to X, …": what precedes only leads into the content
        if len(before_words) >= 3 and before_words[-1].lower() not in ("that", "said", "says"):
            pieces.append(before)
        if after_tok < sent.end:
            after = (doc[after_tok].idx, min(sent.end_char, para_end))
            if len(re.findall(r"\w+", self.text[after[0] : after[1]])) >= 3 or not pieces:
                pieces.append(after)
        trimmed = []
        for start, end in pieces:
            start, end = self.absorb_quotations(start, end)
            piece = _trim(self.text, max(start, para_start), min(end, para_end), min_chars=12)
            if piece is not None:
                trimmed.append(piece)
        return trimmed

    def stands_alone(self, q: Quotation) -> bool:
        """A quote that is a sentence of its own (not a scare-quoted word inside a sentence)."""
        text = self.text
        para_start, _ = self.paragraph_bounds(q.start)
        lead = text[para_start : q.start]
        starts_sentence = not lead.strip() or bool(re.search(r"[.!?:\u2014][\"'\u201d\u2019)]*\s*$", lead))
        inner = text[q.content_start : q.content_end].rstrip()
        tail = text[q.end : q.end + 2]
        ends_sentence = inner[-1:] in ".!?,\u2026\u2014-" or not tail.strip() or tail.lstrip()[:1] in ".!?"
        return starts_sentence and ends_sentence and len(inner.split()) >= 3

    def continues(self, prior: Claim, q: Quotation) -> bool:
        """A cue-less quote continues the previous speaker when it follows that speaker's quoted words
        in the same paragraph or opens the next one, with no other person named in between."""
        if prior.rule not in _QUOTE_RULES:
            return False
        if self._subheading(q):
            return False
        between = self.text[prior.end : q.start]
        after = max(prior.end, prior.cue[1] if prior.cue else 0, prior.mention.end_char if prior.mention else 0)
        after = min(max(after, self.sentence_end_after(after - 1)), q.start)
        # a title in the attribution ("said on NBC's "Meet the Press."") doesn't interrupt the speaker
        others = [o for o in self.quotations if after <= o.start < q.start]
        if len(re.findall(r"\r\n|\n|\r", between.strip())) > 1 or others:
            return False
        # someone named after the attribution may be who speaks next; inside it ("…," Trump would
        # pounce, he added) the name is part of the attribution itself
        for ent in self.persons:
            new_actor = after <= ent.start_char < q.start and ent.root.dep_ == "nsubj"
            if new_actor and (prior.mention is None or ent.text not in prior.mention.text):
                return False
        # someone the NER missed whose own verb introduces the quote ("Kasich resisted: "…"")
        span = self.doc.char_span(after, q.start, alignment_mode="contract")
        for tok in span if span is not None else ():
            verb = tok.head
            introduces = self.text[verb.idx + len(verb) : q.start].strip() == ":"
            new_actor = tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "NOUN") and introduces
            if new_actor and (prior.mention is None or tok.text not in prior.mention.text):
                return False
        return True

    def _single_marked(self, q: Quotation) -> bool:
        return self.text[q.start] in "'\u2018" and not self.text.startswith("''", q.start)

    def _subheading(self, q: Quotation) -> bool:
        """A paragraph of nothing but a phrase in single marks in an article quoting with double marks
        (''…'' … 'A Healthy Environment.'): a section heading taken from a quote, not a quote."""
        para_start, para_end = self.paragraph_bounds(q.start)
        if not self._single_marked(q) or self.text[para_start:para_end].strip() != self.text[q.start : q.end]:
            return False
        earlier = [o for o in self.all_quotations if o.end <= q.start]
        return bool(earlier) and not self._single_marked(earlier[-1])

    def transcript_claims(self) -> list[Claim]:
        """Interview transcripts: a paragraph opened by a speaker's name in capitals and a colon
        ("WALLACE: Let's start with …", "SEN. TIM KAINE: …") is that speaker's."""
        claims = []
        for m in _TRANSCRIPT_LABEL.finditer(self.text):
            mention = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            content = _trim(self.text, m.start(2), m.end(2), min_chars=2)
            if mention is None or content is None:
                continue
            start, end = content
            if self.text[end - 1] in "\"\u201d" and self.text.count(self.text[end - 1], start, end) % 2:
                end -= 1  # the closing mark of a transcript quoted whole
            colon = m.end(1)
            claims.append(Claim([(start, end)], (colon, colon + 1), mention, "transcript"))
        return claims

    def headline_claims(self, sources: frozenset[str] = frozenset()) -> list[Claim]:
        """Headline form without quotation marks: "Trey Gowdy: Benghazi Probe Revealed Email Scandal"."""
        claims = self.transcript_claims()
        for m in re.finditer(r"(?m)^([^\n\r:]{2,60}):[ \t]+([^\n\r]{12,})$", self.text):
            if _TRANSCRIPT_LABEL.match(self.text, m.start()):
                continue
            rest_start = m.start(2)
            rest = m.group(2)
            opening = next((q for q in self.quotations if q.start == rest_start), None)
            if self.text[rest_start] in "\"'\u201c\u2018`" and (
                opening is None or not self.text[opening.end : m.end(2)].strip(" .,!?")
            ):
                continue  # a headline that is one quotation is the colon rule's ('Name: "…"')
            if rest.endswith(".") and not _title_case(rest):
                continue  # "Note: this is a sentence." is not a headline
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or len(span) > 5:
                continue
            ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
            if ents and ents[-1].end == span.end:
                mention = ents[-1]
            elif len(span) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
                mention = span  # a name the NER missed in a headline: "Lewandowski: FBI director acted …"
            elif len(span) == 1 and span.text[:1].isupper() and any(
                p.text.split()[-1] == span.text for p in self.persons if len(p) > 1
            ):
                mention = span  # a surname the tagger misread, the article naming its person in full
            elif span.root.lemma_.lower() in sources:
                mention = span  # "Poll: Clinton leads in Ohio"
            else:
                continue
            content = _trim(self.text, rest_start, m.end(2), min_chars=12)
            if content is not None:
                colon = m.end(1)
                claims.append(Claim([content], (colon, colon + 1), mention, "headline"))
        return claims

    def _names_a_person(self, words: str) -> bool:
        """True when `words` are a person's name, or its last words, as the article's entities give it."""
        return any(p.text == words or p.text.endswith(" " + words) for p in self.persons)

    def colon_or_dash_claim(self, q: Quotation, lexicon: Lexicon) -> Claim | None:
        """Headline form `Name: "…"` and the dash attribution `"…" — Name`."""
        doc = self.doc
        text = self.text
        para_start, para_end = self.paragraph_bounds(q.start)
        lead = text[para_start : q.start]
        m = re.match(r"^\s*(.{2,60}?)\s*:\s*$", lead)
        if m:
            span = doc.char_span(para_start + m.start(1), para_start + m.end(1), alignment_mode="expand")
            named = span is not None and (
                any(e.label_ in ("PERSON", "ORG") for e in span.ents)
                or len(span) <= 4 and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in span)
                # "Reid: 'Never …'" in a headline the tagger misreads: a name the article gives a person
                or len(span) <= 3 and span.text[:1].isupper() and self._names_a_person(span.text)
            )
            if named:
                colon = text.index(":", para_start + m.end(1))
                return Claim(list(q.pieces), (colon, colon + 1), span, "colon")
        tail_start, tail = q.end, text[q.end : para_end]
        if not text[para_start : q.start].strip() and not tail.strip():
            # a quote standing as its own paragraph, signed in the next one: '"…"' / '- Bernie Sanders.'
            tail_start = _next_nonspace(text, para_end)
            tail = text[tail_start : self.paragraph_bounds(tail_start)[1]]
        m = re.match(r"^\s*([\u2014\u2015\u2013]|--|-(?=\s*[A-Z]))\s*(.{2,80}?)\s*$", tail)
        if m:
            start = tail_start + m.start(2)
            span = doc.char_span(start, tail_start + m.end(2), alignment_mode="expand")
            ent = next((e for e in span.ents if e.label_ in ("PERSON", "ORG")), None) if span is not None else None
            name = re.match(r"[^,.;(]+", m.group(2))
            if ent is None and name is not None and self._names_a_person(name.group().strip()):
                ent = doc.char_span(start, start + len(name.group().strip()), alignment_mode="expand")
            if ent is not None:
                dash = tail_start + m.start(1)
                return Claim(list(q.pieces), (dash, dash + len(m.group(1))), ent, "dash")
        return None


__all__ = ["Attributor", "Claim"]

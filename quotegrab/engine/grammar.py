"""English closed-class words and the parse facts built on them, shared by the rules and resolution.

Open-class knowledge (cue verbs, titles, roles, nouns) lives in models/ as data a user extends; what is
here is the grammar of English itself: pronouns, determiners, relative words, quantifiers, sentence
punctuation. A module needs one of these by name, never its own copy of the list.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# --- pronouns ---------------------------------------------------------------------------------------
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
FIRST_PERSON_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our"})
# subject pronouns that stand for someone who can speak
PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "i", "we"})
GENDERED_SUBJECTS = frozenset({"he", "she"})
# pronouns for nobody in particular ("someone said"), and for things, which never speak
INDEFINITE_PRONOUNS = frozenset({"someone", "somebody", "anyone", "anybody", "nobody", "everyone", "everybody"})
THING_PRONOUNS = frozenset({"something", "anything", "nothing", "everything"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})

# --- relative and question words ------------------------------------------------------------------
RELATIVE_PRONOUNS = ("who", "that", "which")

# words that negate the verb they stand before ("did not say", "never claimed")
NEGATIONS = frozenset({"not", "n't", "never"})

# --- determiners and quantifiers ------------------------------------------------------------------
DETERMINERS = frozenset({"the", "a", "an"}) | DEMONSTRATIVES
# pronouns of a share of people ("Some say …", "Many believe …"): a group of its own, not a person
SHARE_PRONOUNS = frozenset({"some", "many", "most", "few", "several", "all"})
QUANTIFIERS = frozenset({"several", "many", "some", "most", "few", "numerous", "all", "both", "other", "various",
                         "two", "three", "four", "five", "dozens", "hundreds", "thousands", "of"})

# --- punctuation ----------------------------------------------------------------------------------
SENTENCE_FINAL = ".!?"
DASHES = ("\u2014", "\u2013", "-", "--")
LINE_BREAK = re.compile(r"[\r\n]")
# what may close a sentence after its final punctuation: quotation marks and a bracket
CLOSING_MARKS = "\"'\u201d\u2019)"
# the end of a sentence, as a pattern to build on: final punctuation, then any closing marks
SENTENCE_CLOSE = rf"[{SENTENCE_FINAL}][{CLOSING_MARKS}]*"
# a sentence ends here and white space follows
SENTENCE_END = re.compile(SENTENCE_CLOSE + r"\s")
# text that ends where a sentence does (the words before a quote, say)
ENDS_SENTENCE = re.compile(SENTENCE_CLOSE + r"\s*$")


# --- rules: subjects and objects ------------------------------------------------------------------
# subject pronouns for someone who can hold a view, the reader's "you" included
VIEW_PRONOUNS = PERSONAL_SUBJECTS | {"you"}
# object pronouns for people ("criticized him"): a stance toward someone
PERSONAL_OBJECTS = frozenset({"him", "her", "them"})
# subjects that name no speaker: demonstratives, relative and question words, "there", a bare "one"
NOT_SPEAKERS = DEMONSTRATIVES | {"which", "there", "what", "one"}
# of those, the ones a relative clause or phrase restricts to people ("those surveyed", "one of the authors")
RESTRICTABLE_PRONOUNS = frozenset({"those", "one"})
# a passive subject that names no topic of its own: an expletive or a relative word standing for a thing
NO_TOPIC_SUBJECTS = frozenset({"it", "there", "that", "which", "this", "what"})
# an object that stands for no content of its own ("said so", "said it", "said nothing", "said much")
EMPTY_OBJECTS = frozenset({"so", "it", "this", "that", "nothing", "anything", "something", "much"})
# a possessor that is a thing ("its criticism"), never a speaker
THING_POSSESSIVES = frozenset({"its"})
# a share of people standing as a subject of its own ("some say", "hundreds of nurses")
PEOPLE_SHARES = frozenset({"some", "many", "others", "most", "few", "dozens", "hundreds", "thousands"})
# the heads of a pseudo-cleft: "all she could do was shout", "what he wanted was to say"
CLEFT_HEADS = frozenset({"all", "what"})
# relative words, the free relative "what" included: "a move that …", "what scientists think is …"
RELATIVE_WORDS = frozenset(RELATIVE_PRONOUNS) | {"what"}

# --- rules: prepositions and marks ----------------------------------------------------------------
# the prepositions that name who a document or claim is by: "a report by the AP", "criticism from unions"
AGENT_PREPOSITIONS = frozenset({"by", "from"})
# the marks of an indirect question: "asked if …", "asked whether …"
QUESTION_MARKS = frozenset({"if", "whether"})
# the marks of a clause of time or condition a participle of asking follows: "…, she said when asked"
TIME_MARKS = frozenset({"when", "if", "once", "after"})

# --- rules: punctuation ---------------------------------------------------------------------------
# dashes that are never a hyphen inside a word ("front-runner")
LONG_DASHES = frozenset({"\u2014", "\u2013"})


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its clause ("Trump, who said …"), or the noun
    right before it where the parser hung the clause elsewhere ("turned to the Police Department which
    reported …" read as a clause of "turned")."""
    lower = pronoun.lower_
    if lower not in RELATIVE_PRONOUNS:
        return None
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    if lower == "that" or pronoun.dep_ != "nsubj" or pronoun.i == 0:
        return None
    before = pronoun.doc[pronoun.i - 1]
    if before.text == "," and pronoun.i > 1:
        before = pronoun.doc[pronoun.i - 2]
    return before if before.pos_ in ("NOUN", "PROPN") else None


# --- resolution: possessive marks, definiteness, people present -----------------------------------
# the possessive ending as the tokenizer splits it off ("Trump" "'s"), and with a bare apostrophe too
POSSESSIVE_S = frozenset({"'s", "\u2019s"})
POSSESSIVE_MARKS = POSSESSIVE_S | {"'", "\u2019"}
# a head's own determiner says whether it points back to someone known ("the senator") or new ("a senator")
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one"})
# indefinite pronouns for all the people there are: a group, where "someone" is a person
EVERYONE_PRONOUNS = frozenset({"everyone", "everybody"})
# possessives of the speaker and the listener ("my lawyer", "your attorney"): nobody the article names
CONVERSATION_POSSESSIVES = FIRST_PERSON_PRONOUNS | {"your"}

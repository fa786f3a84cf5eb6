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

# --- determiners and quantifiers ------------------------------------------------------------------
DETERMINERS = frozenset({"the", "a", "an"}) | DEMONSTRATIVES
# pronouns of a share of people ("Some say …", "Many believe …"): a group of its own, not a person
SHARE_PRONOUNS = frozenset({"some", "many", "most", "few", "several", "all"})
QUANTIFIERS = frozenset({"several", "many", "some", "most", "few", "numerous", "all", "both", "other", "various",
                         "two", "three", "four", "five", "dozens", "hundreds", "thousands", "of"})

# --- punctuation ----------------------------------------------------------------------------------
SENTENCE_FINAL = ".!?"
DASHES = ("\u2014", "\u2013", "-", "--")
# a sentence ends here: final punctuation, closing marks or brackets, then white space
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


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

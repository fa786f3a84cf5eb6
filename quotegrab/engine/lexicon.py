"""The linguistic knowledge quotegrab applies, read from the data files in models/.

Each list file holds one entry per line; `#` starts a comment. A user extends quotegrab by adding a line
(a cue verb, a title, a role) to a copy of these files and pointing `--lexicon` (or the component's
`lexicon_path`) at the copy's folder.

Token patterns (spaCy `Matcher` patterns) are JSONL files, one pattern a line, listed in `PATTERN_FILES`;
lines that begin with `#` are comments.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

LIST_FILES = (
    "cue_verbs",
    "cue_verbs_weak",
    "cue_verbs_stance",
    "cue_verbs_quote_only",
    "cue_verbs_raising",
    "cue_verbs_prep",
    "cue_verbs_infinitive",
    "cue_verbs_object_prep",
    "cue_verbs_it",
    "setting_prepositions",
    "topic_prepositions",
    "setting_conjunctions",
    "reason_conjunctions",
    "comparison_words",
    "aside_continuations",
    "source_nouns",
    "not_cue_verbs",
    "cue_phrases",
    "finding_sources",
    "open_question_adjectives",
    "cue_nouns",
    "issuing_verbs",
    "cue_nouns_object",
    "cue_noun_verbs",
    "cue_adjectives",
    "cue_verbs_predicate",
    "cue_verbs_short_answer",
    "cue_verbs_finding",
    "cue_verbs_clause_only",
    "cue_verbs_open_complement",
    "cue_verbs_question",
    "cue_verbs_answer",
    "cue_verbs_quote_object",
    "cue_verbs_short_object",
    "titles",
    "titles_male",
    "titles_female",
    "titles_subordinate",
    "title_abbreviations",
    "statement_nouns",
    "roles",
    "group_nouns",
    "org_nouns",
    "org_nouns_informal",
    "role_synonyms",
    "place_name_nouns",
    "names_female",
    "names_male",
    "org_generic_words",
    "acronym_skip_words",
    "spokesperson_nouns",
    "spokesperson_nouns_official",
    "epithet_nouns",
    "document_nouns",
    "titles_given_name",
    "office_seats",
    "body_members",
    "pair_nouns",
    "name_particles",
    "offices_compound",
    "negating_verbs",
    "org_aliases",
)


# JSONL files of token patterns: each line an object with the cue's "name" and its spaCy Matcher "pattern"
PATTERN_FILES = ("cue_patterns",)


def _read_patterns(path: Path) -> tuple[dict, ...]:
    """The patterns of a JSONL file, in file order; a line that is not JSON says where it is."""
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = json.loads(line)
        except ValueError as err:
            raise ValueError(f"{path}:{number}: not a JSON pattern: {err}") from err
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), list) or "name" not in entry:
            raise ValueError(f"{path}:{number}: a pattern needs a \"name\" and a \"pattern\" list")
        patterns.append(entry)
    return tuple(patterns)


def _read_list(path: Path) -> list[str]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def builtin_path() -> Path:
    """The folder of data files shipped inside the package (`quotegrab.models`)."""
    return Path(str(resources.files("quotegrab.models")))


@dataclass
class Lexicon:
    path: Path
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    patterns: dict[str, tuple[dict, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        folder = Path(path) if path else builtin_path()
        if not folder.is_dir():
            raise FileNotFoundError(f"lexicon folder not found: {folder}")
        lists = {}
        for name in LIST_FILES:
            file = folder / f"{name}.txt"
            lists[name] = frozenset(e.lower() for e in _read_list(file)) if file.exists() else frozenset()
        patterns = {}
        for name in PATTERN_FILES:
            file = folder / f"{name}.jsonl"
            patterns[name] = _read_patterns(file) if file.exists() else ()
        return cls(path=folder, lists=lists, patterns=patterns)

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for file in self.path.iterdir():
            if file.suffix in (".txt", ".jsonl"):
                shutil.copyfile(file, path / file.name)

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]

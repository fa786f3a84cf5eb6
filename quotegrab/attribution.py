"""Attribution rules (work in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from quotegrab.contract import Quote, Speaker
from quotegrab.lexicon import Lexicon


class Attributor:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> tuple[list[Quote], list[Speaker]]:
        return [], []

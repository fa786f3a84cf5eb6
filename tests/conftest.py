"""Fixtures shared by the test files."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotegrab


@pytest.fixture(scope="session")
def nlp() -> Language:
    """One full pipeline (base model, paragraphs, quotegrab) for the whole session: loading it is the slow part."""
    return quotegrab.load()

"""quotegrab: who said what in English news.

The top level is lazy (PEP 562): `import quotegrab` is instant, and spaCy is imported only when
`extract`, `extract_many` or `load` is first used (the output models need only pydantic). The spaCy
factory `"quotegrab"` is registered through the `spacy_factories` entry point, so
`nlp.add_pipe("quotegrab")` works without importing quotegrab first; importing
`quotegrab.engine.component` registers it too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "Quote", "Speaker", "extract", "extract_many", "load", "__version__"]

_LAZY = {
    "Document": "quotegrab.engine.contract",
    "Quote": "quotegrab.engine.contract",
    "Speaker": "quotegrab.engine.contract",
    "extract": "quotegrab.engine.pipeline",
    "extract_many": "quotegrab.engine.pipeline",
    "load": "quotegrab.engine.pipeline",
}

if TYPE_CHECKING:
    from quotegrab.engine.contract import Document, Quote, Speaker
    from quotegrab.engine.pipeline import extract, extract_many, load


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quotegrab' has no attribute {name!r}")
    if module == "quotegrab.engine.pipeline":
        importlib.import_module("quotegrab.engine.component")  # registers the spaCy factory
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

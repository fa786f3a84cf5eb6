"""quotegrab: who said what in English news."""

from quotegrab.engine import component as _component  # noqa: F401  (registers the spaCy factory)
from quotegrab.engine.contract import Document, Quote, Speaker
from quotegrab.engine.pipeline import extract, extract_many, load

__version__ = "0.1.0"
__all__ = ["Document", "Quote", "Speaker", "extract", "extract_many", "load", "__version__"]

"""The resolution stage: one speaker per person or organisation, from the mentions the rules found."""

from quotegrab.engine.resolution.resolver import Resolver

__all__ = ["Resolver"]

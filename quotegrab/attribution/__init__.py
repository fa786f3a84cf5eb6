"""Attribution rules: which content is reported, through which cue, by which speaker mention."""

from quotegrab.attribution.attributor import Attributor, Claim, _Context

__all__ = ["Attributor", "Claim", "_Context"]

"""Whether to colour: NO_COLOR (no-color.org) and --no-color say never, FORCE_COLOR says even into a pipe.

One answer for every stream of the run (the table, the progress bar, the help), read from the
environment, so worker processes and the libraries that read these variables agree with it.
"""

from __future__ import annotations

import os


def color_wanted() -> bool | None:
    """Colour as the environment asks: False when NO_COLOR is set to anything (no-color.org; --no-color
    sets it), True when FORCE_COLOR is (colour even into a pipe), None to decide by the stream."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return None


def refuse_color() -> None:
    """`--no-color`: no colour and no escape codes from here on, in this process and its workers."""
    os.environ["NO_COLOR"] = "1"
    os.environ.pop("FORCE_COLOR", None)

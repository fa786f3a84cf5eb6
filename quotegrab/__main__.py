"""`python -m quotegrab`: the same command line as the `quotegrab` script."""

from quotegrab.cli import app

app(prog_name="quotegrab")

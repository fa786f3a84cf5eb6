"""quotegrab's linguistic knowledge as data files (installed as the `quotegrab.models` package)."""

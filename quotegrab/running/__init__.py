"""Running the engine over inputs: reading files and folders (`inputs`), what the options of a run mean
(`options`), processing chunks of inputs (`work`) in this process or local worker processes (`local`) or
on a Dask cluster (`distributed`), chosen once in `batch`, and writing results (`writers`, `report`)."""

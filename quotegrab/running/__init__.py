"""Running the engine over inputs: reading files and folders (`inputs`), processing them in batches and
worker processes (`batch`) or on a Dask cluster (`distributed`), and writing results (`writers`, `report`)."""

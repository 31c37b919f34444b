-- Benchmark data only: the generated rows as a Parquet file.
copy gen to $path (format parquet)

-- Benchmark data only: the generated rows as a CSV file.
copy gen to $path (header, delimiter ',')

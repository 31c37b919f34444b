-- Back to DuckDB's default memory limit.
reset memory_limit

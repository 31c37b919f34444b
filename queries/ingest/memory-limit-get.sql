-- DuckDB's current memory limit (restored after an ingest run).
select current_setting('memory_limit') as memory_limit

-- DuckDB's current memory limit (restored after an ingest or a scan).
select current_setting('memory_limit') as memory_limit

-- Sets DuckDB's memory limit (e.g. '2GB'); beyond it, staged rows, sorts and
-- aggregates spill to the temp directory.
set memory_limit = $memory_limit

-- Sets DuckDB's memory limit (e.g. '2GB'); beyond it, staging tables spill to the temp directory.
set memory_limit = $memory_limit

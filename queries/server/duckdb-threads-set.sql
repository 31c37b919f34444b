-- Sets the instance's DuckDB threads (global: every connection of the instance, queries under way
-- included, from their next task).
set global threads = $threads

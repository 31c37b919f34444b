-- Test fixtures only: the names of the database's tables, temporary ones included.
select table_name as name from duckdb_tables() order by name

-- How many active snapshots of each format a kind of list has. $kind is a parameter, not a literal:
-- DuckDB 1.5 prunes a prepared statement's literal filter against the statistics of the moment it
-- was prepared (duckdb/duckdb#23704), and this one is prepared once per process.
select format, count(*) as n
from list_snapshots
where active and kind = $kind
group by format

-- Test fixtures only: one DuckDB setting of this connection, as text.
select current_setting($name)::varchar as value

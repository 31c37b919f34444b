-- DuckDB threads of this database's instance (a global setting: every connection shares it).
select current_setting('threads')::integer as threads

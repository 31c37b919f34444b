-- A memory limit too small for test/queries/list-of-millions.sql.
set memory_limit = '20MB'

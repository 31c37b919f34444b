-- The staging table is created inside the file's transaction, so DuckDB has no statistics for it
-- and takes it for empty: left to itself the planner would build hash tables on the millions of
-- staged rows. After staging, joins run as written instead (small side on the right, built).
set disabled_optimizers = 'join_order,build_side_probe_side'

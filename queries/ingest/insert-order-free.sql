-- The landing insert of a CSV file staged by DuckDB may write its rows in any order (each carries
-- its source_row): DuckDB then inserts in parallel without merging ordered batches (about 0.3 s per
-- million rows faster, measured; land.ts says why not for other paths). A global setting:
-- session-order.sql sets it back after the file.
set preserve_insertion_order = false

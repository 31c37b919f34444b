-- The landing insert may write its rows in any order (each carries its source_row): DuckDB then
-- inserts in parallel without merging ordered batches (about 0.3 s per million rows faster from a
-- staged CSV file, measured). A global setting: session-order.sql sets it back after the file.
set preserve_insertion_order = false

-- Statements keep the source order: CSV rows are numbered by their position in the staging table.
-- (Off for the landing insert of a staged CSV file, see insert-order-free.sql; this sets it back.)
set preserve_insertion_order = true

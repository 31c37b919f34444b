-- Statements keep the source order: CSV rows are numbered by their position in the staging table.
set preserve_insertion_order = true

-- Whether inserts keep the source order: needed while staging (file line = position), not after;
-- off lets large inserts spill instead of holding rows in memory to keep their order.
set preserve_insertion_order = $keep

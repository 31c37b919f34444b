-- An earlier import of the very same file (and kind): importing it again is a no-op.
select snapshot_id, kind, format, source, file_hash, imported_at, entries, names, bad_rows, active
from list_snapshots
where file_hash = $file_hash and kind = $kind

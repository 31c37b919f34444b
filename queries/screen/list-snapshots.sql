select snapshot_id, kind, format, source, file_path, file_hash, imported_at, entries, names, bad_rows,
  skipped, active
from list_snapshots
order by imported_at, snapshot_id

-- Test fixtures only: an active list snapshot of $kind with no rows of its own counted.
insert into list_snapshots (snapshot_id, kind, format, source, file_path, file_hash, imported_at,
  entries, names, bad_rows, skipped, errors, active)
values ($snapshot_id, $kind, $format, $source, 'x', 'x', '2026-03-01', $entries, 0, 0, null, null, true)

insert into list_snapshots (
  snapshot_id, kind, format, source, file_path, file_hash, imported_at, entries, names, bad_rows,
  skipped, errors, active
)
values (
  $snapshot_id, $kind, $format, $source, $file_path, $file_hash, $imported_at::timestamp, $entries,
  $names, $bad_rows, $skipped::json, $errors::json, true
)

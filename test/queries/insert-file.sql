-- Test fixtures only.
insert into ingest_files (file_id, path, format, size_bytes, rows_read, rows_accepted,
  rows_quarantined, run_id, ingested_at)
values ($file_id, $path, 'csv', 1000, $rows_read, $rows_accepted, $rows_quarantined, $run_id,
  $ingested_at::timestamp)

-- Records a landed file in the manifest (same transaction as its rows).
insert into ingest_files
values ($file_id, $path, $format, $size_bytes, $rows_read, $rows_accepted, $rows_quarantined,
  $run_id, $ingested_at::timestamp)

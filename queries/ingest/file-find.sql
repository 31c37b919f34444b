-- The manifest row of a file already landed, by its SHA-256.
select file_id, path, format, rows_read, rows_accepted, rows_quarantined, run_id, ingested_at
from ingest_files
where file_id = $file_id

-- Landed files with their row counts, newest first.
select file_id, path, format, size_bytes, rows_read, rows_accepted, rows_quarantined, run_id,
  ingested_at
from ingest_files
order by ingested_at desc, path
limit $limit::integer

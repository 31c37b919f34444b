-- Test fixtures only: the ingested files in the order they landed, with their row counts.
select file_id, path, rows_read::integer as rows_read, rows_accepted::integer as rows_accepted,
  rows_quarantined::integer as rows_quarantined
from ingest_files
order by ingested_at, path

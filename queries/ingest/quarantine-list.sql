-- Quarantined rows, by file (as landed) and line; filtered by file (path as given or file id),
-- ingest run and reason code when those are given. $limit: at most that many rows (null: all).
select
  q.path,
  q.file_id,
  f.run_id,
  q.source_row,
  q.column_name,
  q.raw_value,
  q.reason_code,
  q.reason,
  q.raw_row
from quarantine q
left join ingest_files f using (file_id)
where ($file::varchar is null or q.path = $file or q.file_id = $file)
  and ($run::varchar is null or f.run_id = $run)
  and ($reason::varchar is null or q.reason_code = $reason)
order by f.ingested_at, q.path, q.source_row, q.column_name
limit coalesce($limit::bigint, 9223372036854775807)

-- Quarantined rows, oldest file first, then by line: one page of at most $page rows read after the
-- last row of the previous page ($after_*: '' and -1 for the first page). Filtered by file ($file
-- as given, $path: it resolved, or the file id), ingest run and reason code when those are given.
with rows as (
  select
    q.path,
    q.file_id,
    f.run_id,
    q.source_row,
    q.column_name,
    q.raw_value,
    q.reason_code,
    q.reason,
    q.raw_row,
    coalesce(f.ingested_at::varchar, '') as landed_at
  from quarantine q
  left join ingest_files f using (file_id)
  where ($file::varchar is null or q.path = $file or q.path = $path or q.file_id = $file)
    and ($run::varchar is null or f.run_id = $run)
    and ($reason::varchar is null or q.reason_code = $reason)
)
select *
from rows
where (landed_at, file_id, source_row, reason_code, coalesce(column_name, ''))
  > ($after_at::varchar, $after_file::varchar, $after_row::bigint, $after_reason::varchar,
    $after_column::varchar)
order by landed_at, file_id, source_row, reason_code, coalesce(column_name, '')
limit $page::bigint

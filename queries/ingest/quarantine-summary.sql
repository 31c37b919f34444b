-- Quarantined rows counted by file and reason code (same filters as quarantine-list.sql).
select q.path, q.file_id, f.run_id, q.reason_code, count(*) as n, min(q.source_row) as first_row
from quarantine q
left join ingest_files f using (file_id)
where ($file::varchar is null or q.path = $file or q.path = $path or q.file_id = $file)
  and ($run::varchar is null or f.run_id = $run)
  and ($reason::varchar is null or q.reason_code = $reason)
group by q.path, q.file_id, f.run_id, f.ingested_at, q.reason_code
order by f.ingested_at, q.path, n desc, q.reason_code

-- Ingest, scan, batch and list runs, newest first.
select run_id, kind, started_at, finished_at, status, summary,
  epoch_ms(finished_at) - epoch_ms(started_at) as duration_ms
from runs
order by started_at desc
limit $limit::integer

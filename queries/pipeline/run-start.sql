-- A run starts.
insert into runs (run_id, kind, started_at, finished_at, status, summary)
values ($run_id, $kind, $now::timestamp, null, 'running', null)

-- Opens an ingest run.
insert into runs (run_id, kind, started_at, status) values ($run_id, 'ingest', $started_at::timestamp, 'running')

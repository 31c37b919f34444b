-- A run (ingest, scan, batch) starts ($owner: this process's id, see queries/store/runs-interrupted.sql).
insert into runs (run_id, kind, started_at, finished_at, status, summary, owner)
values ($run_id, $kind, $now::timestamp, null, 'running', null, $owner)

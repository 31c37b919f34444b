-- An ingest run starts ($owner: this process's id, see queries/store/runs-interrupted.sql).
insert into runs (run_id, kind, started_at, status, owner)
values ($run_id, 'ingest', $started_at::timestamp, 'running', $owner)

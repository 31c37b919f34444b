-- An ingest run starts ($pid: this process, see queries/store/runs-interrupted.sql).
insert into runs (run_id, kind, started_at, status, pid)
values ($run_id, 'ingest', $started_at::timestamp, 'running', $pid::integer)

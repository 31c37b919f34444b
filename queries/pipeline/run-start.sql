-- A run starts ($pid: this process, see queries/store/runs-interrupted.sql).
insert into runs (run_id, kind, started_at, finished_at, status, summary, pid)
values ($run_id, $kind, $now::timestamp, null, 'running', null, $pid::integer)

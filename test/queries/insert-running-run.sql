-- Test fixtures only: a run still marked running, owned by $owner (null: no owner recorded).
insert into runs (run_id, kind, started_at, status, owner)
values ($run_id, $kind, now(), 'running', $owner::varchar)

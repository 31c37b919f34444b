-- Test fixtures only.
insert into runs (run_id, kind, started_at, finished_at, status, summary)
values ($run_id, $kind, $started_at::timestamp, $finished_at::timestamp, $status, $summary::json)

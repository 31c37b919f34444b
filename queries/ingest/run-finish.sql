-- Closes an ingest run with its status and JSON summary.
update runs set finished_at = $finished_at::timestamp, status = $status, summary = $summary::json
where run_id = $run_id

-- A run ends, ok or failed, with its summary.
update runs set finished_at = $now::timestamp, status = $status, summary = $summary::json
where run_id = $run_id

-- A run ends, ok or failed, with its summary (JSON text).
update runs set finished_at = $now::timestamp, status = $status, summary = $summary::json
where run_id = $run_id

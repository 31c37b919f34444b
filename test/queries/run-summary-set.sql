-- Rewrites one run's summary: two transactions doing it at once conflict.
update runs set summary = $summary::json where run_id = $run_id

-- One history row per scan that created or updated an alert.
insert into alert_versions (alert_id, version, run_id, score, reasons, tx_count, note, created_at)
values ($alert_id, $version, $run_id, $score, $reasons::json, $tx_count, $note::varchar, $now::timestamp)

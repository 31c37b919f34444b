-- Scan history of one alert (one row per scan that created or updated it).
select alert_id, version, run_id, score, reasons::varchar as reasons, tx_count, note, created_at
from alert_versions where alert_id = $alert_id order by version

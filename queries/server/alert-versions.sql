select version, run_id, score, reasons, tx_count, note, created_at
from alert_versions
where alert_id = $id
order by version

-- History rows of a scan's alerts from the staged batch (alert-versions-stage-create.sql).
insert into alert_versions (alert_id, version, run_id, score, reasons, tx_count, note, created_at)
select alert_id, version, $run_id, score, reasons::json, tx_count, note, $now::timestamp
from alert_versions_staged

-- History rows of many alerts (JSON array) in one statement.
insert into alert_versions (alert_id, version, run_id, score, reasons, tx_count, note, created_at)
select r->>'alert_id', (r->>'version')::integer, $run_id, (r->>'score')::double, r->'reasons',
  (r->>'tx_count')::integer, r->>'note', $now::timestamp
from (select unnest(from_json($rows, '["json"]')) as r)

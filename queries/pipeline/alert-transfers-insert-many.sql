-- Transfers of many alerts (JSON array of {alert_id, tx_ids}) linked in one statement.
insert into alert_transfers (alert_id, tx_id, first_run_id)
select r->>'alert_id', unnest(from_json(r->'tx_ids', '["varchar"]')), $run_id
from (select unnest(from_json($rows, '["json"]')) as r)

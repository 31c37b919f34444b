-- Transfer ids already linked to each of many alerts (a JSON array of alert ids).
select alert_id, tx_id
from alert_transfers
where alert_id in (select unnest(from_json($alert_ids, '["varchar"]')))

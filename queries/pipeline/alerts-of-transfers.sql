-- Stored alerts linked to any of the given transfers ($tx_ids: a JSON list), with the transfers they
-- share: a ring found again — perhaps under another typology or pattern key — updates its alert.
select alert_id, tx_id
from alert_transfers
where tx_id in (select unnest(from_json($tx_ids::json, '["varchar"]')))
order by alert_id, tx_id

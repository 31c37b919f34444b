-- Stored alerts linked to any of the staged transfers (scan-transfers-stage-create.sql), with the
-- transfers they share: a ring found again — perhaps under another typology or pattern key —
-- updates its alert.
select alert_id, tx_id
from alert_transfers
where tx_id in (select tx_id from scan_transfers_staged)
order by alert_id, tx_id

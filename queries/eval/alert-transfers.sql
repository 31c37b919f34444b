-- The transfers behind each alert, for `ringwatch eval`.
select alert_id, tx_id
from alert_transfers
order by alert_id, tx_id

-- One alert with its transfer ids (decimals and JSON columns as exact text).
select a.* replace (a.total_amount::varchar as total_amount,
    a.total_amount_base::varchar as total_amount_base, a.reasons::varchar as reasons,
    a.finding::varchar as finding, a.provenance::varchar as provenance),
  (select list(t.tx_id order by t.tx_id) from alert_transfers t where t.alert_id = a.id) as tx_ids
from alerts a
where a.id = $id

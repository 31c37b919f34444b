-- The payments of many alerts ($alert_ids: a JSON array), each alert's in time order, for exports:
-- one join for a batch of alerts instead of one per alert (each a pass over payments).
with wanted as (
  select unnest(from_json($alert_ids, '["varchar"]')) as alert_id
)
select t.alert_id, p.tx_id, p.ts, p.amount::varchar as amount, p.currency, p.debtor_account,
  p.debtor_name, p.debtor_country, p.debtor_bank, p.creditor_account, p.creditor_name,
  p.creditor_country, p.creditor_bank, p.purpose, p.hs_code
from wanted w
join alert_transfers t on t.alert_id = w.alert_id
join payments p on p.tx_id = t.tx_id
order by t.alert_id, p.ts, p.tx_id

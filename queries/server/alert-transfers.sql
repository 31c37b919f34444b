-- The alert's transfers in time order, with their position (hop order) in the flow.
select
  row_number() over (order by p.ts, p.tx_id) as hop,
  p.tx_id, p.ts, p.amount::varchar as amount, p.currency,
  p.debtor_account, p.debtor_name, p.debtor_country, p.debtor_bank,
  p.creditor_account, p.creditor_name, p.creditor_country, p.creditor_bank,
  p.purpose, p.hs_code, t.first_run_id
from alert_transfers t
join payments p on p.tx_id = t.tx_id
where t.alert_id = $id
order by p.ts, p.tx_id

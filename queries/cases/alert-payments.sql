-- The payments of one alert, in time order, for exports.
select p.tx_id, p.ts, p.amount::varchar as amount, p.currency, p.debtor_account, p.debtor_name,
  p.debtor_country, p.debtor_bank, p.creditor_account, p.creditor_name, p.creditor_country,
  p.creditor_bank, p.purpose, p.hs_code
from alert_transfers t
join payments p on p.tx_id = t.tx_id
where t.alert_id = $alert_id
order by p.ts, p.tx_id

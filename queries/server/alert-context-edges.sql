-- Other transfers among the alert's accounts around its span (± $pad_days), for context in the
-- alert's network view; the alert's own transfers are excluded (they come from alert-transfers).
with acc as (select unnest(accounts) as account, first_ts, last_ts from alerts where id = $id)
select p.tx_id, p.ts, p.amount::varchar as amount, p.currency, p.debtor_account, p.creditor_account
from payments p
where p.debtor_account in (select account from acc)
  and p.creditor_account in (select account from acc)
  and p.ts >= (select min(first_ts) from acc) - to_days($pad_days::integer)
  and p.ts <= (select max(last_ts) from acc) + to_days($pad_days::integer)
  and p.tx_id not in (select tx_id from alert_transfers where alert_id = $id)
order by p.ts
limit $limit::integer

-- Payments of the window sent or received by any of the given accounts (JSON array).
with wanted as (select unnest(from_json($accounts, '["varchar"]')) as account)
select tx_id, ts, amount::double as amount, currency, debtor_account, creditor_account, purpose, hs_code
from payments
where ts >= $from::timestamp and ts <= $to::timestamp
  and (debtor_account in (select account from wanted) or creditor_account in (select account from wanted))
order by ts, tx_id

-- Payments of newly listed accounts (JSON array) in the $lookback_days before the window's end:
-- what a list-change alert names when the account has not paid in the window itself.
select tx_id, ts, amount::double as amount, currency,
  debtor_account, creditor_account, purpose, hs_code
from payments
where (debtor_account in (select unnest(from_json($accounts::json, '["VARCHAR"]')))
    or creditor_account in (select unnest(from_json($accounts::json, '["VARCHAR"]'))))
  and ts <= $to::timestamp
  and ts > $to::timestamp - to_days($lookback_days::integer) -- the window end is inclusive
order by ts, tx_id

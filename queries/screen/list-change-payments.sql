-- Payments of newly listed accounts (JSON array) in the $lookback_days before the window's end:
-- what a list-change alert names when the account has not paid in the window itself.
select tx_id, ts, amount::double as amount, currency,
  debtor_account, creditor_account, purpose, hs_code
from payments
where (debtor_account in (select unnest(from_json($accounts::json, '["VARCHAR"]')))
    or creditor_account in (select unnest(from_json($accounts::json, '["VARCHAR"]'))))
  and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                 else $to::timestamp + interval 1 microsecond end)
  and ts >= (case when length($to) <= 10 then $to::date + interval 1 day
                  else $to::timestamp end) - to_days($lookback_days::integer)
order by ts, tx_id

-- Payments of the window sent or received by any of the given accounts (JSON array), with the
-- amount in the base currency $base_currency at the payment's date (null: no rate for its currency;
-- see rw_fx_day_factors in queries/schema/060_fx_rates.sql).
with wanted as (select unnest(from_json($accounts, '["varchar"]')) as account),
rows as (
  select tx_id, ts, amount, currency, debtor_account, creditor_account, purpose, hs_code
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
    and (debtor_account in (select account from wanted)
      or creditor_account in (select account from wanted))
),
days as (select min(ts)::date as d0, max(ts)::date as d1 from rows)
select r.tx_id, r.ts, r.amount::double as amount, r.amount::double * f.factor as amount_base,
  r.currency, r.debtor_account, r.creditor_account, r.purpose, r.hs_code
from rows r
left join rw_fx_day_factors($base_currency, (select d0 from days), (select d1 from days)) f
  on f.currency = r.currency and f.day = r.ts::date
order by r.ts, r.tx_id

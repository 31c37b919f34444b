-- The window's transfers as graph edges: dense account ids (numbered as in window-accounts.sql),
-- epoch microseconds, amount in major units, the amount in the base currency $base_currency at the
-- transfer's (UTC) date (see rw_fx_day_factors in queries/schema/060_fx_rates.sql: nearest earlier
-- rate of the active fx snapshot; NaN where the currency has no rate), currency id and wording flags.
-- Sorted by (ts, tx_id): buildGraph derives the out-edge order and the in-edge index from it by
-- counting sorts.
with window_payments as (
  select tx_id, ts, amount, currency, debtor_account, creditor_account, purpose
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
),
accounts as (
  select account, (row_number() over (order by account) - 1)::integer as id
  from (
    select debtor_account as account from window_payments
    union
    select creditor_account as account from window_payments
  )
),
currencies as (
  select currency, (row_number() over (order by currency) - 1)::usmallint as id
  from (select distinct currency from window_payments)
),
days as (
  select min(ts)::date as d0, max(ts)::date as d1 from window_payments
),
factors as (
  select * from rw_fx_day_factors($base_currency, (select d0 from days), (select d1 from days))
),
edges as (
  select
    s.id as src,
    d.id as dst,
    p.ts,
    p.tx_id,
    p.amount,
    p.amount::double * f.factor as amount_base,
    c.id as currency,
    lower(coalesce(p.purpose, '')) as purpose
  from window_payments p
  join accounts s on s.account = p.debtor_account
  join accounts d on d.account = p.creditor_account
  join currencies c on c.currency = p.currency
  left join factors f on f.currency = p.currency and f.day = p.ts::date
)
select
  src,
  dst,
  epoch_us(ts)::double as ts,
  amount::double as amount,
  coalesce(amount_base, 'nan'::double) as amount_base,
  currency,
  -- bit 1: refund / reversal wording (2-cycles with it are not rings); bit 2: payroll wording.
  -- $any_pattern matches where either does: one regular expression over most purposes (about 1
  -- in 100 has either wording), the two only where it matched.
  (case when not regexp_matches(purpose, $any_pattern) then 0
    else (case when regexp_matches(purpose, $refund_pattern) then 1 else 0 end)
      + (case when regexp_matches(purpose, $payroll_pattern) then 2 else 0 end) end)::utinyint as flags,
  tx_id
from edges
order by ts, tx_id

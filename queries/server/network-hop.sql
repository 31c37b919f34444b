-- One hop of an ego network: the counterparties of each frontier account ($accounts, a JSON array),
-- collapsed to one row per (anchor, counterparty, direction, currency) — amounts are never added
-- across currencies — keeping each anchor's top $limit counterparties by amount; `degree` is the
-- anchor's full count of counterparties (for "N more").
with frontier as (
  select unnest(cast($accounts::varchar::json as varchar[])) as account
),
touch as (
  select p.debtor_account as anchor, p.creditor_account as other, 'out' as dir, p.currency,
    p.amount, p.ts, p.creditor_name as other_name, p.creditor_country as other_country
  from payments p
  where p.debtor_account in (select account from frontier)
    and ($from::varchar is null or p.ts >= $from::varchar::timestamp)
    and ($to::varchar is null or p.ts <= $to::varchar::timestamp)
    and ($min_amount::varchar is null or p.amount >= $min_amount::varchar::decimal(18, 2))
    and ($max_amount::varchar is null or p.amount <= $max_amount::varchar::decimal(18, 2))
  union all
  select p.creditor_account, p.debtor_account, 'in', p.currency, p.amount, p.ts, p.debtor_name,
    p.debtor_country
  from payments p
  where p.creditor_account in (select account from frontier)
    and ($from::varchar is null or p.ts >= $from::varchar::timestamp)
    and ($to::varchar is null or p.ts <= $to::varchar::timestamp)
    and ($min_amount::varchar is null or p.amount >= $min_amount::varchar::decimal(18, 2))
    and ($max_amount::varchar is null or p.amount <= $max_amount::varchar::decimal(18, 2))
),
pairs as (
  select anchor, other, dir, currency, count(*) as n, sum(amount) as amount, min(ts) as first_ts,
    max(ts) as last_ts, arg_max(other_name, ts) as other_name,
    arg_max(other_country, ts) as other_country
  from touch
  group by anchor, other, dir, currency
),
-- the ranking adds the amounts of a pair's currencies as numbers: it only picks whom to show
neighbours as (
  select anchor, other,
    row_number() over (partition by anchor order by sum(amount) desc, other) as rn,
    count(*) over (partition by anchor) as degree
  from pairs
  group by anchor, other
)
select p.anchor, p.other, p.dir, p.currency, p.n, p.amount::varchar as amount, p.first_ts,
  p.last_ts, p.other_name, p.other_country, nb.degree
from pairs p
join neighbours nb on nb.anchor = p.anchor and nb.other = p.other
where nb.rn <= $limit::integer
order by p.anchor, nb.rn, p.dir, p.currency

-- One account's counterparties by total amount exchanged, both directions.
with sides as (
  select creditor_account as account, creditor_name as name, creditor_country as country,
    'out' as dir, amount, ts
  from payments where debtor_account = $account
  union all
  select debtor_account, debtor_name, debtor_country, 'in', amount, ts
  from payments where creditor_account = $account
)
select
  account,
  arg_max(name, ts) as name,
  arg_max(country, ts) as country,
  count(*) filter (where dir = 'in') as tx_in,
  count(*) filter (where dir = 'out') as tx_out,
  coalesce(sum(amount) filter (where dir = 'in'), 0)::varchar as amount_in,
  coalesce(sum(amount) filter (where dir = 'out'), 0)::varchar as amount_out,
  min(ts) as first_ts,
  max(ts) as last_ts
from sides
group by account
order by sum(amount) desc, account
limit $limit::integer

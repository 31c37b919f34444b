-- One account's activity totals and the names, countries and banks it used.
with sides as (
  select 'out' as dir, ts, amount, debtor_name as name, debtor_country as country,
    debtor_bank as bank, creditor_account as other
  from payments where debtor_account = $account
  union all
  select 'in', ts, amount, creditor_name, creditor_country, creditor_bank, debtor_account
  from payments where creditor_account = $account
)
select
  count(*) as tx_count,
  count(*) filter (where dir = 'in') as tx_in,
  count(*) filter (where dir = 'out') as tx_out,
  coalesce(sum(amount) filter (where dir = 'in'), 0)::varchar as amount_in,
  coalesce(sum(amount) filter (where dir = 'out'), 0)::varchar as amount_out,
  min(ts) as first_seen,
  max(ts) as last_seen,
  count(distinct other) as counterparties,
  arg_max(name, ts) as name,
  list_distinct(list(name) filter (where name is not null)) as names,
  list_distinct(list(country) filter (where country is not null)) as countries,
  list_distinct(list(bank) filter (where bank is not null)) as banks
from sides

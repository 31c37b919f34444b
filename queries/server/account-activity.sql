-- One account's money in and out per day.
with sides as (
  select 'out' as dir, ts, amount from payments where debtor_account = $account
  union all
  select 'in', ts, amount from payments where creditor_account = $account
)
select
  strftime(date_trunc('day', ts), '%Y-%m-%d') as day,
  count(*) filter (where dir = 'in') as tx_in,
  count(*) filter (where dir = 'out') as tx_out,
  coalesce(sum(amount) filter (where dir = 'in'), 0)::varchar as amount_in,
  coalesce(sum(amount) filter (where dir = 'out'), 0)::varchar as amount_out
from sides
group by all
order by day

-- One account's transfers in and out per currency: amounts are never added across currencies.
with sides as (
  select 'out' as dir, currency, amount from payments where debtor_account = $account
  union all
  select 'in', currency, amount from payments where creditor_account = $account
)
select dir, currency, count(*) as n, sum(amount)::varchar as amount
from sides
group by dir, currency
order by dir, sum(amount) desc, currency

-- Accounts whose number starts with, or whose name contains, the search text.
with sides as (
  select debtor_account as account, debtor_name as name, debtor_country as country, ts from payments
  union all
  select creditor_account, creditor_name, creditor_country, ts from payments
)
select account, arg_max(name, ts) as name, arg_max(country, ts) as country, count(*) as tx_count
from sides
where account ilike $q::varchar || '%' or name ilike '%' || $q::varchar || '%'
group by account
order by tx_count desc, account
limit $limit::integer

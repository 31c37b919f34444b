-- The latest name and country of every account (either side), for the in-memory network index.
select account, arg_max(name, ts) as name, arg_max(country, ts) as country
from (
  select debtor_account as account, debtor_name as name, debtor_country as country, ts from payments
  union all
  select creditor_account, creditor_name, creditor_country, ts from payments
)
group by account

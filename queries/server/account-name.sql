-- The latest name and country one account used, as debtor or creditor.
select arg_max(name, ts) as name, arg_max(country, ts) as country, count(*) as tx_count
from (
  select debtor_name as name, debtor_country as country, ts from payments where debtor_account = $account
  union all
  select creditor_name, creditor_country, ts from payments where creditor_account = $account
)

-- Every account of a landed transfer (either side), in account order — a row's position is the
-- account's dense id in network-edges.sql — with its latest name and country, for the in-memory
-- network index (src/server/network/load.ts).
select account, arg_max(name, ts) as name, arg_max(country, ts) as country
from (
  select debtor_account as account, debtor_name as name, debtor_country as country, ts from payments
  union all
  select creditor_account, creditor_name, creditor_country, ts from payments
)
group by account
order by account

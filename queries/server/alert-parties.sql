-- Every account of the alert with the names, countries and banks it used on the alert's transfers,
-- its Louvain community and its hop distance to a screened party.
with sides as (
  select p.debtor_account as account, p.debtor_name as name, p.debtor_country as country,
    p.debtor_bank as bank, p.ts
  from alert_transfers t join payments p on p.tx_id = t.tx_id
  where t.alert_id = $id
  union all
  select p.creditor_account, p.creditor_name, p.creditor_country, p.creditor_bank, p.ts
  from alert_transfers t join payments p on p.tx_id = t.tx_id
  where t.alert_id = $id
)
select
  s.account,
  arg_max(s.name, s.ts) as name,
  list_distinct(list(s.name) filter (where s.name is not null)) as names,
  arg_max(s.country, s.ts) as country,
  arg_max(s.bank, s.ts) as bank,
  any_value(c.community) as community,
  any_value(e.hops) as exposure_hops
from sides s
left join account_communities c on c.account = s.account
left join account_exposure e on e.account = s.account
group by s.account
order by s.account

-- Community, exposure and best watch-list hit of a set of accounts ($accounts, a JSON array).
with acc as (select unnest(cast($accounts::varchar::json as varchar[])) as account)
select
  a.account,
  c.community,
  e.hops as exposure_hops,
  (select max(h.score) from party_hits h where h.account = a.account and h.status = 'open') as hit_score,
  (select arg_max(h.name, h.score) from party_hits h where h.account = a.account and h.status = 'open') as hit_name
from acc a
left join account_communities c on c.account = a.account
left join account_exposure e on e.account = a.account

-- Open watch-list hits of the accounts of a case's alerts scoring at least $min_score: closing the
-- case as a false positive needs a confirmation and a reason (src/cases/strong-hits.ts).
with acc as (
  select distinct unnest(a.accounts) as account
  from case_alerts ca join alerts a on a.id = ca.alert_id
  where ca.case_id = $id
)
select h.hit_id, h.account, h.name, h.entry_id, h.caption, h.list_source, h.score
from party_hits h
where h.account in (select account from acc)
  and coalesce(h.status, 'open') = 'open'
  and h.score >= $min_score::double
order by h.score desc, h.hit_id

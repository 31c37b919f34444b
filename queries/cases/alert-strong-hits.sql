-- Open watch-list hits of an alert's accounts scoring at least $min_score: closing such an alert
-- as a false positive needs a confirmation and a reason (src/cases/strong-hits.ts).
select h.hit_id, h.account, h.name, h.entry_id, h.caption, h.list_source, h.score
from party_hits h
where list_contains((select accounts from alerts where id = $id), h.account)
  and coalesce(h.status, 'open') = 'open'
  and h.score >= $min_score::double
order by h.score desc, h.hit_id

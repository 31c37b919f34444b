-- Watch-list hits of the alert's accounts.
select h.account, h.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema, h.caption,
  h.matched_name, h.explanation, h.screened_at
from party_hits h
where list_contains((select accounts from alerts where id = $id), h.account)
order by h.score desc

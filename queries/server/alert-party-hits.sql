-- Watch-list hits of the alert's accounts, open ones first: each a record of list, version, entity,
-- matched name, score parts and rule; closed ones with the note that closed them.
select h.hit_id, h.account, h.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema,
  h.caption, h.matched_name, h.name_kind, h.parts, h.rule, h.signals, h.status, h.reason,
  h.first_snapshot_id, h.opened_at, h.closed_at, h.close_note, h.explanation, h.screened_at
from party_hits h
where list_contains((select accounts from alerts where id = $id), h.account)
order by h.status = 'closed', h.score desc, h.hit_id

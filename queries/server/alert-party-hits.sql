-- Watch-list hits of the alert's accounts, open ones first: each a record of list, version, entity,
-- matched name, score parts and rule; closed ones with the note that closed them. With the list
-- entry as the list gives it: programmes, countries, topics, identifiers, birth dates, addresses, every name
-- (with its kind), and the list file's format (which says where the entry is published).
select h.hit_id, h.account, h.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema,
  h.caption, h.matched_name, h.name_kind, h.parts, h.rule, h.signals, h.status, h.reason,
  h.first_snapshot_id, h.opened_at, h.closed_at, h.close_note, h.explanation, h.screened_at,
  e.programs as entry_programs, e.countries as entry_countries, e.topics as entry_topics,
  e.identifiers as entry_identifiers, e.birth_dates as entry_birth_dates,
  e.addresses as entry_addresses,
  s.format as list_format, s.imported_at as list_imported_at,
  (select list({'name': n.name, 'kind': n.name_kind} order by n.name_kind <> 'name', n.name_kind, n.name)
   from list_names n where n.snapshot_id = h.snapshot_id and n.entry_id = h.entry_id) as entry_names
from party_hits h
left join list_entries e on e.snapshot_id = h.snapshot_id and e.entry_id = h.entry_id
left join list_snapshots s on s.snapshot_id = h.snapshot_id
where list_contains((select accounts from alerts where id = $id), h.account)
order by h.status = 'closed', h.score desc, h.hit_id

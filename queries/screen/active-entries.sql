-- Every entry of the active sanctions snapshots with its names, for building the name index.
with active as (
  select snapshot_id, source from list_snapshots where active and kind = 'sanctions'
)
select e.snapshot_id, a.source, e.entry_id, e.schema, e.caption, e.topics,
  list(n.name order by n.name_kind, n.name) as names,
  list(n.name_kind order by n.name_kind, n.name) as name_kinds
from list_entries e
join active a on a.snapshot_id = e.snapshot_id
join list_names n on n.snapshot_id = e.snapshot_id and n.entry_id = e.entry_id
group by e.snapshot_id, a.source, e.entry_id, e.schema, e.caption, e.topics

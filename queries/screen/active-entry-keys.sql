-- Which of the given (list source, entry id) pairs are in an active sanctions snapshot.
with wanted as (
  select unnest(from_json($rows::json, '[{"source":"VARCHAR","entry_id":"VARCHAR"}]')) as r
)
select w.r.source as source, w.r.entry_id as entry_id, s.snapshot_id
from wanted w
join list_snapshots s on s.source = w.r.source and s.active and s.kind = 'sanctions'
join list_entries e on e.snapshot_id = s.snapshot_id and e.entry_id = w.r.entry_id

-- Bulk insert of name hits passed as one JSON array.
insert into name_hits
select $lists_key, r.name, r.entry_id, r.snapshot_id, r.score, r.list_source, r.schema, r.caption,
  r.matched_name, r.explanation::json
from (
  select unnest(from_json($rows::json,
    '[{"name":"VARCHAR","entry_id":"VARCHAR","snapshot_id":"VARCHAR","score":"DOUBLE","list_source":"VARCHAR","schema":"VARCHAR","caption":"VARCHAR","matched_name":"VARCHAR","explanation":"VARCHAR"}]'
  )) as r
)

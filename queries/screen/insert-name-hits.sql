-- Bulk insert of name hits passed as one JSON array.
insert into name_hits (lists_key, name, entry_id, snapshot_id, score, list_source, schema, caption,
  matched_name, explanation, name_kind, parts)
select $lists_key, r.name, r.entry_id, r.snapshot_id, r.score, r.list_source, r.schema, r.caption,
  r.matched_name, r.explanation::json, r.name_kind, r.parts::json
from (
  select unnest(from_json($rows::json,
    '[{"name":"VARCHAR","entry_id":"VARCHAR","snapshot_id":"VARCHAR","score":"DOUBLE","list_source":"VARCHAR","schema":"VARCHAR","caption":"VARCHAR","matched_name":"VARCHAR","explanation":"VARCHAR","name_kind":"VARCHAR","parts":"VARCHAR"}]'
  )) as r
)

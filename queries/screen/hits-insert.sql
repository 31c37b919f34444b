-- New party hits passed as one JSON array: open records of what matched and why.
insert into party_hits (account, name, entry_id, snapshot_id, score, list_source, schema, caption,
  matched_name, explanation, screened_at, hit_id, name_kind, parts, rule, signals, status, reason,
  first_snapshot_id, opened_at)
select r.account, r.name, r.entry_id, r.snapshot_id, r.score, r.list_source, r.schema, r.caption,
  r.matched_name, r.explanation::json, $now::timestamp, r.hit_id, r.name_kind, r.parts::json,
  r.rule, r.signals, 'open', $reason, r.snapshot_id, $now::timestamp
from (
  select unnest(from_json($rows::json,
    '[{"account":"VARCHAR","name":"VARCHAR","entry_id":"VARCHAR","snapshot_id":"VARCHAR","score":"DOUBLE","list_source":"VARCHAR","schema":"VARCHAR","caption":"VARCHAR","matched_name":"VARCHAR","explanation":"VARCHAR","hit_id":"VARCHAR","name_kind":"VARCHAR","parts":"VARCHAR","rule":"VARCHAR","signals":["VARCHAR"]}]'
  )) as r
)

-- Hits found again: the latest list version, score, parts and rule; a closed one opens again with a
-- note (the entity was listed again, or its name matches again).
update party_hits as h
set snapshot_id = r.snapshot_id, score = r.score, schema = r.schema, caption = r.caption,
  matched_name = r.matched_name, explanation = r.explanation::json, name_kind = r.name_kind,
  parts = r.parts::json, rule = r.rule, signals = r.signals, screened_at = $now::timestamp,
  status = 'open', reason = case when h.status = 'closed' then $reason else h.reason end,
  opened_at = case when h.status = 'closed' then $now::timestamp else h.opened_at end,
  close_note = case when h.status = 'closed'
    then coalesce(h.close_note || '; ', '') || 'reopened ' || strftime($now::timestamp, '%Y-%m-%d') || ': matches again under ' || r.snapshot_id
    else h.close_note end,
  closed_at = null
from (
  select unnest(from_json($rows::json,
    '[{"hit_id":"VARCHAR","snapshot_id":"VARCHAR","score":"DOUBLE","schema":"VARCHAR","caption":"VARCHAR","matched_name":"VARCHAR","explanation":"VARCHAR","name_kind":"VARCHAR","parts":"VARCHAR","rule":"VARCHAR","signals":["VARCHAR"]}]'
  )) as r
) r
where h.hit_id = r.hit_id

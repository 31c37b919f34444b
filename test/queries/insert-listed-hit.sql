-- Test fixtures only: one open watch-list hit, every field given.
insert into party_hits (account, name, entry_id, snapshot_id, score, list_source, schema, caption,
  matched_name, explanation, screened_at, hit_id, name_kind, rule, signals, status, reason,
  first_snapshot_id, opened_at)
values ($account, $name, $entry_id, $snapshot_id, $score, $list_source, $schema, $caption,
  $matched_name, '{}', $at::timestamp, $hit_id, $name_kind, 'name', [], 'open', 'screening',
  $snapshot_id, $at::timestamp)

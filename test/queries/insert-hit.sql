-- Test fixtures only: one open watch-list hit.
insert into party_hits (account, name, entry_id, snapshot_id, score, list_source, schema, caption,
  matched_name, explanation, screened_at, hit_id, name_kind, rule, signals, status, reason,
  first_snapshot_id, opened_at)
values ($account, $name, $entry_id, 'L-test', $score, 'test-list', 'Company', $name, $name,
  '{"matched_name": "test"}', '2026-03-12 00:00:00', 'H-' || $account || '-' || $entry_id, 'name',
  'name', [], 'open', 'screening', 'L-test', '2026-03-12 00:00:00')

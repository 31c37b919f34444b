-- A new alert (status new, version 1).
insert into alerts (id, typology, pattern_key, accounts_key, score, status, accounts, first_ts, last_ts,
  total_amount, currency, reasons, finding, community, provenance, assignee, proposed_by,
  proposed_outcome, version, created_at, updated_at)
values ($id, $typology, $pattern_key, $accounts_key, $score, 'new', from_json($accounts, '["varchar"]'),
  $first_ts::timestamp, $last_ts::timestamp, $total_amount::decimal(18, 2), $currency, $reasons::json,
  $finding::json, $community::integer, $provenance::json, null, null, null, 1, $now::timestamp, $now::timestamp)

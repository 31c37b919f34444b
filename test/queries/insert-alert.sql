-- Test fixtures only: one alert.
insert into alerts (id, typology, pattern_key, accounts_key, score, status, accounts, first_ts,
  last_ts, total_amount, currency, total_amount_base, base_currency, reasons, finding, community, provenance, assignee, proposed_by,
  proposed_outcome, version, created_at, updated_at)
values ($id, $typology, $id, $id, $score, $status, cast($accounts::varchar::json as varchar[]),
  $first_ts::timestamp, $last_ts::timestamp, $total_amount::decimal(18, 2), $currency,
  $total_amount_base::varchar::decimal(18, 2), $base_currency::varchar,
  $reasons::json, $finding::json, $community::integer, $provenance::json, $assignee::varchar,
  $proposed_by::varchar, $proposed_outcome::varchar, 1, $created_at::timestamp,
  $created_at::timestamp)

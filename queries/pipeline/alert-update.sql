-- An alert found again by a scan: new evidence, score and reasons; status moved only on reopen.
update alerts
set score = $score, accounts = from_json($accounts, '["varchar"]'), accounts_key = $accounts_key,
  first_ts = $first_ts::timestamp, last_ts = $last_ts::timestamp,
  total_amount = $total_amount::decimal(18, 2), currency = $currency,
  total_amount_base = $total_amount_base::varchar::decimal(18, 2), base_currency = $base_currency,
  reasons = $reasons::json,
  finding = $finding::json, community = $community::integer, provenance = $provenance::json,
  status = $status, proposed_by = $proposed_by::varchar, proposed_outcome = $proposed_outcome::varchar,
  version = $version, updated_at = $now::timestamp
where id = $id and version = $expected_version

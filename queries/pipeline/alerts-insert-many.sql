-- New alerts of a scan in one statement (a JSON array of alert rows; status new, version 1).
insert into alerts (id, typology, pattern_key, accounts_key, score, status, accounts, first_ts, last_ts,
  total_amount, currency, total_amount_base, base_currency, reasons, finding, community, provenance,
  assignee, proposed_by, proposed_outcome, version, created_at, updated_at)
select r->>'id', r->>'typology', r->>'pattern_key', r->>'accounts_key', (r->>'score')::double, 'new',
  from_json(r->'accounts', '["varchar"]'), (r->>'first_ts')::timestamp, (r->>'last_ts')::timestamp,
  (r->>'total_amount')::decimal(18, 2), r->>'currency', (r->>'total_amount_base')::decimal(18, 2),
  r->>'base_currency', r->'reasons', r->'finding',
  (r->>'community')::integer, r->'provenance', null, null, null, 1, $now::timestamp, $now::timestamp
from (select unnest(from_json($rows, '["json"]')) as r)

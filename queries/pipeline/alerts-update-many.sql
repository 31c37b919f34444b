-- Alerts found again by a scan (a JSON array of their new states): new evidence, score and
-- reasons, status moved only on reopen; a row applies only where the version is still the one read.
with u as (
  select r->>'id' as id, (r->>'expected_version')::integer as expected_version, r
  from (select unnest(from_json($rows, '["json"]')) as r)
)
update alerts
set score = (u.r->>'score')::double, accounts = from_json(u.r->>'accounts', '["varchar"]'),
  accounts_key = u.r->>'accounts_key',
  first_ts = (u.r->>'first_ts')::timestamp, last_ts = (u.r->>'last_ts')::timestamp,
  total_amount = (u.r->>'total_amount')::decimal(18, 2), currency = u.r->>'currency',
  total_amount_base = (u.r->>'total_amount_base')::decimal(18, 2),
  base_currency = u.r->>'base_currency',
  -- reasons, finding and provenance arrive as canonical JSON text: stored as that text
  reasons = (u.r->>'reasons')::json, finding = (u.r->>'finding')::json,
  community = (u.r->>'community')::integer, provenance = (u.r->>'provenance')::json,
  status = u.r->>'status', proposed_by = u.r->>'proposed_by',
  proposed_outcome = u.r->>'proposed_outcome',
  version = (u.r->>'version')::integer, updated_at = $now::timestamp
from u
where alerts.id = u.id and alerts.version = u.expected_version

-- Alerts found again by a scan (the staged batch of alert-updates-stage-create.sql): new evidence,
-- score and reasons, status moved only on reopen; a row applies only where the version is still
-- the one read.
update alerts
set score = u.score, accounts = from_json(u.accounts, '["varchar"]'), accounts_key = u.accounts_key,
  first_ts = u.first_ts::timestamp, last_ts = u.last_ts::timestamp,
  total_amount = u.total_amount::decimal(18, 2), currency = u.currency,
  total_amount_base = u.total_amount_base::decimal(18, 2), base_currency = u.base_currency,
  -- reasons, finding and provenance arrive as canonical JSON text: stored as that text
  reasons = u.reasons::json, finding = u.finding::json, community = u.community,
  provenance = u.provenance::json, status = u.status, proposed_by = u.proposed_by,
  proposed_outcome = u.proposed_outcome, version = u.version, updated_at = $now::timestamp
from alert_updates_staged u
where alerts.id = u.id and alerts.version = u.expected_version

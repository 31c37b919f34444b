-- New alerts of a scan from the staged batch (alerts-stage-create.sql): status new, version 1.
-- accounts arrive as a JSON array, reasons, finding and provenance as JSON text.
insert into alerts (id, typology, pattern_key, accounts_key, score, status, accounts, first_ts, last_ts,
  total_amount, currency, total_amount_base, base_currency, reasons, finding, community, provenance,
  assignee, proposed_by, proposed_outcome, version, created_at, updated_at)
select id, typology, pattern_key, accounts_key, score, 'new', from_json(accounts, '["varchar"]'),
  first_ts::timestamp, last_ts::timestamp, total_amount::decimal(18, 2), currency,
  total_amount_base::decimal(18, 2), base_currency, reasons::json, finding::json, community,
  provenance::json, null, null, null, 1, $now::timestamp, $now::timestamp
from alerts_staged

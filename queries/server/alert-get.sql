select
  id, typology, pattern_key, score, status, accounts, first_ts, last_ts,
  total_amount::varchar as total_amount, currency,
  total_amount_base::varchar as total_amount_base, base_currency, reasons, finding, community, provenance,
  assignee, proposed_by, proposed_outcome, version, created_at, updated_at
from alerts
where id = $id

-- Every alert's queue columns, for the server's in-memory queue index (see src/server/queue/).
-- The sort keys come as numbers exactly as alerts-list computes them; sorting by amount is by the
-- amount in the base currency, alerts without one (k_total_amount null) last either way.
select
  id, typology, score, status, accounts, len(accounts) as account_count, first_ts, last_ts,
  total_amount::varchar as total_amount, currency,
  total_amount_base::varchar as total_amount_base, base_currency, reasons, community, assignee, proposed_by,
  proposed_outcome, version, created_at, updated_at,
  epoch_us(first_ts)::double as k_first_ts,
  epoch_us(last_ts)::double as k_last_ts,
  total_amount_base::double as k_total_amount,
  epoch_us(created_at)::double as k_created_at,
  epoch_us(updated_at)::double as k_updated_at
from alerts

-- Every stored alert's merge keys and state, read once per scan to merge new findings into.
select id, typology, accounts_key, status, version, score, reasons::varchar as reasons, assignee,
  proposed_by, proposed_outcome, accounts, first_ts, last_ts
from alerts

-- The staged batch of alerts found again by a scan (alerts-update-staged.sql): their new state and
-- the version the scan read.
create or replace temp table alert_updates_staged (
  id varchar, expected_version integer, score double, accounts varchar, accounts_key varchar,
  first_ts varchar, last_ts varchar, total_amount varchar, currency varchar,
  total_amount_base varchar, base_currency varchar, reasons varchar, finding varchar,
  community integer, provenance varchar, status varchar, proposed_by varchar,
  proposed_outcome varchar, version integer
)

-- The staged batch of a scan's alert rows (store/stage-rows.ts appends them; text as written by
-- the scan, cast by the statement that reads them): new alerts (alerts-insert-staged.sql).
create or replace temp table alerts_staged (
  id varchar, typology varchar, pattern_key varchar, accounts_key varchar, score double,
  accounts varchar, first_ts varchar, last_ts varchar, total_amount varchar, currency varchar,
  total_amount_base varchar, base_currency varchar, reasons varchar, finding varchar,
  community integer, provenance varchar
)

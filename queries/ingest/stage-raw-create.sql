-- Rows appended from Arrow batches land here as read (every field as text, source_row given by the
-- reader); the view stg_in over them (stageFromRaw in src/store/staging.ts) reaches the same
-- clean-up and checks as DuckDB's readers' rows. Temporary: it belongs to the ingest session's
-- connection.
create or replace temp table stg_raw (
  source_row bigint,
  tx_id varchar,
  ts varchar,
  amount varchar,
  currency varchar,
  debtor_account varchar,
  debtor_name varchar,
  debtor_country varchar,
  debtor_bank varchar,
  creditor_account varchar,
  creditor_name varchar,
  creditor_country varchar,
  creditor_bank varchar,
  purpose varchar,
  hs_code varchar,
  extra varchar
)

-- Rows appended from Arrow batches land here as read (every field as text, source_row given by the
-- reader), then pass the same clean-up as DuckDB's readers apply on the way into stg (see
-- stageFromRaw in src/store/staging.ts). Temporary: it belongs to the ingest session's connection.
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

-- The staging table of one file: every field as text, cleaned up on the way in (see CLEAN in
-- src/store/staging.ts: trimmed, empty → null, codes upper-case, IBAN-shaped accounts without
-- spaces), before the checks. Every
-- ingest path (DuckDB's own CSV/Parquet readers or the Arrow lander) fills this same table.
-- A table of the database file, not a temp table: created and dropped inside the file's
-- transaction (never committed), its rows can leave memory for the file while a large file lands.
create or replace table stg (
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

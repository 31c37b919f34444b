-- Core tables: the file manifest, landed payments, quarantined rows and the run log.
-- Timestamps are UTC (TIMESTAMP without zone, UTC by convention).

create table ingest_files (
  file_id varchar primary key,        -- SHA-256 of the file's bytes: the same file twice is skipped
  path varchar not null,              -- path as given when first landed
  format varchar not null,            -- csv | parquet | arrow | jsonl | pacs008
  size_bytes bigint not null,
  rows_read bigint not null,
  rows_accepted bigint not null,
  rows_quarantined bigint not null,
  run_id varchar,
  ingested_at timestamp not null
);

create table payments (
  tx_id varchar not null,             -- unique across everything ingested (checked at ingest)
  ts timestamp not null,
  amount decimal(18, 2) not null,
  currency varchar not null,
  debtor_account varchar not null,
  debtor_name varchar,
  debtor_country varchar,
  debtor_bank varchar,
  creditor_account varchar not null,
  creditor_name varchar,
  creditor_country varchar,
  creditor_bank varchar,
  purpose varchar,
  hs_code varchar,
  extra json,                         -- columns beyond the canonical record, kept as they came
  file_id varchar not null,
  source_row bigint not null          -- line (CSV, JSONL), row (Parquet, Arrow) or transaction (pacs.008)
);

create table quarantine (
  file_id varchar not null,
  path varchar not null,
  source_row bigint not null,         -- same numbering as payments.source_row; 0 when the whole file
  column_name varchar,                -- the field at fault, null when the row as a whole is
  raw_value varchar,
  reason_code varchar not null,       -- stable code, e.g. bad_iban, unknown_currency, duplicate_tx_id
  reason varchar not null,            -- plain-language reason
  raw_row varchar                     -- the row as read, for repair and re-submission
);

create table runs (
  run_id varchar primary key,
  kind varchar not null,              -- ingest | scan | batch | lists
  started_at timestamp not null,
  finished_at timestamp,
  status varchar not null,            -- running | ok | failed
  summary json
);

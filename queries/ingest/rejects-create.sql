-- Rows of one file that could not be split into fields at all (column count, quoting, encoding).
create or replace temp table stg_rejects (
  source_row bigint not null,
  column_name varchar,
  raw_value varchar,
  reason_code varchar not null,
  reason varchar not null,
  raw_row varchar
)

-- Rows appended from Arrow batches land here as read, then pass the same clean-up as DuckDB's
-- readers apply on the way into stg (see stageFromRaw in src/store/staging.ts).
create or replace table stg_raw as select * from stg limit 0

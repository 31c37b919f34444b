-- The latest timestamp stg_checked accepts: $now (the ingest clock) plus $future_hours.
create or replace temp table stg_params as
select $now::timestamptz + to_hours($future_hours::bigint) as ts_limit

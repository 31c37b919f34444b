-- Test fixtures only: the stored rates of one snapshot, by currency and day.
select day::varchar as day, currency, per_ref from fx_rates where snapshot_id = $snapshot_id
order by currency, day

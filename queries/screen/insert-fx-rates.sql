-- A batch of reference rates as three parallel JSON arrays (day, currency, units per 1 reference unit).
insert into fx_rates (snapshot_id, day, currency, per_ref)
select $snapshot_id, unnest(from_json($days, '["date"]')), unnest(from_json($currencies, '["varchar"]')),
  unnest(from_json($per_ref, '["double"]'))

-- The reference currency and the span of an fx snapshot (its list_snapshots row is written beside it).
insert into fx_snapshots (snapshot_id, reference_currency, first_day, last_day, currencies)
values ($snapshot_id, $reference_currency, $first_day::date, $last_day::date,
  from_json($currencies, '["varchar"]'))

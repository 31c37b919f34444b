-- The fx snapshot in force (at most one row): id, reference currency, source, span.
select a.snapshot_id, a.reference_currency, s.source, f.first_day::varchar as first_day,
  f.last_day::varchar as last_day
from fx_active a
join list_snapshots s on s.snapshot_id = a.snapshot_id
join fx_snapshots f on f.snapshot_id = a.snapshot_id

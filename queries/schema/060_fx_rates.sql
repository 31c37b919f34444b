-- Reference rates (`ringwatch lists import F --kind fx`). An fx snapshot is a row of list_snapshots
-- (kind 'fx') plus its row here, which records the currency its rates are quoted against; fx_rates
-- holds, per day and currency, the units of that currency per 1 unit of the reference currency
-- (ECB: units per 1 EUR, as published; plain-rates: 1 / rate_to_base).

create table fx_snapshots (
  snapshot_id varchar primary key,
  reference_currency varchar not null,  -- ISO 4217: the currency the rates are quoted against
  first_day date not null,
  last_day date not null,
  currencies varchar[] not null         -- the currencies with at least one rate, sorted
);

create table fx_rates (
  snapshot_id varchar not null,
  day date not null,
  currency varchar not null,
  per_ref double not null               -- units of currency per 1 unit of the reference currency (> 0)
);

-- The fx snapshot in force: one is active at a time (an import deactivates the others); the latest
-- imported should several ever be active. Only fx snapshots have an fx_snapshots row, so no filter on
-- kind: a literal filter lets DuckDB 1.5 prune a prepared statement against the statistics of the
-- moment it was prepared (duckdb/duckdb#23704), and a statement prepared before the first fx import
-- would never see one.
create view fx_active as
select s.snapshot_id, f.reference_currency
from list_snapshots s
join fx_snapshots f on f.snapshot_id = s.snapshot_id
where s.active
order by s.imported_at desc, s.snapshot_id desc
limit 1;

-- Per day d0 … d1 and currency: the base-currency units of 1 unit of the currency (`factor`), from
-- the active snapshot. A day takes the rate of that day or, failing one, the nearest earlier day
-- (weekends and holidays carry the last business day's rate); a day before a currency's first rate
-- takes its earliest rate. The reference currency is 1 in itself; a base other than the reference
-- goes through it (cross rate: per_ref(base) / per_ref(currency) on that day). The base currency is
-- always 1; a currency without any rate (or every currency, when the base has none) is left out, so
-- a join on it yields null.
create macro rw_fx_day_factors(base, d0, d1) as table
with rates as (
  select r.currency, r.day::timestamp as since, r.per_ref
  from fx_rates r
  join fx_active a on a.snapshot_id = r.snapshot_id
),
first_rates as (
  select currency, arg_min(per_ref, since) as per_ref
  from rates
  group by currency
),
currencies as (
  select currency from first_rates
  union
  select reference_currency from fx_active
  union
  select base
),
grid as (
  select c.currency, unnest(generate_series(d0::timestamp, d1::timestamp, interval 1 day)) as day
  from currencies c
),
-- the small grid (currencies × days) is matched to the rates by ASOF; payments then join it by
-- equality on (currency, day), which costs far less than an ASOF join of every payment
per_ref as (
  select g.currency, g.day,
    case when g.currency = (select reference_currency from fx_active) then 1.0
      else coalesce(a.per_ref, f.per_ref) end as per_ref
  from grid g
  asof left join rates a on a.currency = g.currency and g.day >= a.since
  left join first_rates f on f.currency = g.currency
)
select c.currency, c.day::date as day,
  case when c.currency = base then 1.0 else b.per_ref / c.per_ref end as factor
from per_ref c
left join per_ref b on b.currency = base and b.day = c.day
where c.currency = base or b.per_ref / c.per_ref is not null;

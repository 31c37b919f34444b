-- Route flags of every transfer in the window: party countries and bank countries (BIC chars 5–6)
-- against the configured sanctioned jurisdictions and diversion hubs (comma-separated params).
insert into tx_routes
with win as (
  select tx_id,
    list_distinct([c for c in [
      upper(trim(debtor_country)), upper(trim(creditor_country)),
      upper(substr(debtor_bank, 5, 2)), upper(substr(creditor_bank, 5, 2))
    ] if c is not null and length(c) = 2]) as cs
  from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
),
cfg as (
  select string_split($sanctioned, ',') as sanctioned, string_split($hubs, ',') as hubs
),
flags as (
  select w.tx_id,
    list_sort(list_intersect(w.cs, cfg.sanctioned)) as s,
    list_sort(list_intersect(w.cs, cfg.hubs)) as h
  from win w, cfg
)
select tx_id, len(s) > 0, len(h) > 0, list_sort(list_distinct(list_concat(s, h))), s, h
from flags
where len(s) > 0 or len(h) > 0

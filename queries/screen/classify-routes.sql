-- Route flags of every transfer in the window: party countries and bank countries (BIC chars 5–6)
-- against the configured sanctioned jurisdictions and diversion hubs ($sanctioned, $hubs: 'RU,BY,…').
-- Cheap membership tests on every transfer first; country lists only for the flagged ones.
insert into tx_routes
with win as (
  select tx_id,
    coalesce(upper(trim(debtor_country)), '') as dc,
    coalesce(upper(trim(creditor_country)), '') as cc,
    coalesce(upper(substr(debtor_bank, 5, 2)), '') as db,
    coalesce(upper(substr(creditor_bank, 5, 2)), '') as cb
  from payments
  where ts >= $from::timestamp
    and ts <= $to::timestamp
),
flagged as (
  select tx_id, list_distinct([c for c in [dc, cc, db, cb] if length(c) = 2]) as cs
  from win
  where list_contains(string_split($sanctioned || ',' || $hubs, ','), dc)
     or list_contains(string_split($sanctioned || ',' || $hubs, ','), cc)
     or list_contains(string_split($sanctioned || ',' || $hubs, ','), db)
     or list_contains(string_split($sanctioned || ',' || $hubs, ','), cb)
),
split as (
  select tx_id,
    list_sort(list_intersect(cs, string_split($sanctioned, ','))) as s,
    list_sort(list_intersect(cs, string_split($hubs, ','))) as h
  from flagged
)
select tx_id, len(s) > 0, len(h) > 0, list_sort(list_distinct(list_concat(s, h))), s, h
from split

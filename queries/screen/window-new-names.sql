-- Distinct party names of the window not yet screened under the current lists_key.
with names as (
  select distinct unnest([debtor_name, creditor_name]) as name
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)
select n.name
from names n
anti join (select name from screened_names where lists_key = $lists_key) s on s.name = n.name
where n.name is not null and trim(n.name) <> ''

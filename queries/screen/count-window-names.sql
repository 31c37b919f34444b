-- Distinct party names of the window.
select count(*) as names
from (
  select distinct unnest([debtor_name, creditor_name]) as name
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)
where name is not null and trim(name) <> ''

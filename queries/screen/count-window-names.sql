-- Distinct party names of the window.
with win as (
  select debtor_name, creditor_name
  from payments
  where ts >= $from::timestamp
    and ts <= $to::timestamp
)
select count(*) as names
from (select debtor_name as name from win union select creditor_name from win)
where name is not null and trim(name) <> ''

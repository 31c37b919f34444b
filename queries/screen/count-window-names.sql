-- Distinct party names of the window.
with win as (
  select debtor_name, creditor_name
  from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
)
select count(*) as names
from (select debtor_name as name from win union select creditor_name from win)
where name is not null and trim(name) <> ''

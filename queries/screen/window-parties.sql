-- Every distinct (account, name) on either side of the payments in the window.
-- $to is inclusive: a date means the whole day.
with win as (
  select debtor_account, debtor_name, creditor_account, creditor_name
  from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
)
select distinct account, name
from (
  select debtor_account as account, debtor_name as name from win
  union all
  select creditor_account, creditor_name from win
)
where name is not null and trim(name) <> ''

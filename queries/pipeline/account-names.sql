-- The name each of the given accounts (JSON array) most often carries in the window's payments
-- (ties: the first in sort order), for judging which accounts belong to one corporate group.
with wanted as (select unnest(from_json($accounts, '["varchar"]')) as account),
named as (
  select debtor_account as account, debtor_name as name
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
    and debtor_account in (select account from wanted)
  union all
  select creditor_account, creditor_name
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
    and creditor_account in (select account from wanted)
),
counted as (
  select account, name, count(*) as n
  from named
  where name is not null and name <> ''
  group by account, name
)
select account, name
from (
  select account, name, row_number() over (partition by account order by n desc, name) as r
  from counted
)
where r = 1
order by account

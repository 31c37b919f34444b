-- Accounts of the window first seen (over all payments ever landed) within the window's last 7 days.
with sides as (
  select debtor_account as account, ts from payments
  union all
  select creditor_account, ts from payments
),
first_seen as (
  select account, min(ts) as first_ts from sides group by account
)
select f.account
from first_seen f
where f.first_ts > $to::timestamp - interval 7 day and f.first_ts <= $to::timestamp
  and f.first_ts >= $from::timestamp
order by f.account

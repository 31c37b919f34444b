-- Every party hit (open or closed) of the accounts with payments in a period, to compare a new
-- screening with.
with accounts as (
  select debtor_account as account from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
  union
  select creditor_account from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
)
select h.hit_id, h.account, h.name, h.entry_id, h.snapshot_id, h.list_source, h.status, h.score
from party_hits h
semi join accounts a on a.account = h.account

-- Every party hit (open or closed) of the accounts with payments in a period, to compare a new
-- screening with.
with accounts as (
  select distinct unnest([debtor_account, creditor_account]) as account
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)
select h.hit_id, h.account, h.name, h.entry_id, h.snapshot_id, h.list_source, h.status, h.score
from party_hits h
semi join accounts a on a.account = h.account

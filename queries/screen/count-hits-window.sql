-- Open hits and hit accounts of the window after screening.
select count(*) as hits, count(distinct h.account) as accounts
from party_hits h
where h.status = 'open' and h.account in (
  select distinct unnest([debtor_account, creditor_account]) as account
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)

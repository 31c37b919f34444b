-- Party hits of the accounts active in the window.
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
select h.account, h.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema, h.caption,
  h.matched_name, h.explanation
from party_hits h
join accounts a on a.account = h.account
order by h.account, h.score desc

-- Open party hits of the accounts active in the window, and of accounts newly listed by a list
-- change within $list_change_days before the window's end (raised whether or not they paid since).
with accounts as (
  select distinct unnest([debtor_account, creditor_account]) as account
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)
select h.account, h.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema, h.caption,
  h.matched_name, h.explanation, h.hit_id, h.name_kind, h.parts, h.rule, h.signals, h.status,
  h.reason, h.first_snapshot_id, h.opened_at, h.screened_at,
  h.account in (select account from accounts) as in_window
from party_hits h
where h.status = 'open'
  and (h.account in (select account from accounts)
    or (h.reason = 'list_change'
      and h.opened_at > $to::timestamp - to_days($list_change_days::integer)))
order by h.account, h.score desc, h.hit_id

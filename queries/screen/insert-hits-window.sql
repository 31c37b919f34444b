-- Party hits of the window: every (account, name) of the window joined to the cached name hits.
insert into party_hits
with win as (
  select debtor_account, debtor_name, creditor_account, creditor_name
  from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
),
parties as (
  select debtor_account as account, debtor_name as name from win
  union
  select creditor_account, creditor_name from win
)
select p.account, p.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema, h.caption,
  h.matched_name, h.explanation, $screened_at::timestamp
from parties p
join name_hits h on h.name = p.name and h.lists_key = $lists_key

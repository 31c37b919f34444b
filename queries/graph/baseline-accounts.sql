-- Each window account's history in the lookback [$lookback_from, $from): transfers and distinct
-- counterparties in each direction, and its first transfer before the window (over all history).
-- Accounts are numbered as in window-accounts.sql (byte order of the account text).
with window_payments as (
  select debtor_account, creditor_account
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
),
accounts as (
  select account, (row_number() over (order by account) - 1)::integer as id
  from (
    select debtor_account as account from window_payments
    union
    select creditor_account as account from window_payments
  )
),
before as (
  select debtor_account as account, creditor_account as other, ts, true as outgoing
  from payments
  where ts < $from::timestamp
  union all
  select creditor_account, debtor_account, ts, false
  from payments
  where ts < $from::timestamp
)
select
  a.id,
  (count(*) filter (where b.outgoing and b.ts >= $lookback_from::timestamp))::integer as out_count,
  (count(*) filter (where not b.outgoing and b.ts >= $lookback_from::timestamp))::integer as in_count,
  (count(distinct b.other) filter (where b.outgoing and b.ts >= $lookback_from::timestamp))::integer as out_parties,
  (count(distinct b.other) filter (where not b.outgoing and b.ts >= $lookback_from::timestamp))::integer as in_parties,
  epoch_us(min(b.ts))::double as first_ts
from accounts a
join before b on b.account = a.account
group by a.id

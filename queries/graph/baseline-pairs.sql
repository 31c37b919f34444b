-- Transfers in the lookback [$lookback_from, $from) between two accounts of the window, per ordered
-- pair (dense ids as in window-accounts.sql): a link paid before is a known relation, not a new one.
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
)
select s.id as src, d.id as dst, count(*)::integer as n
from payments p
join accounts s on s.account = p.debtor_account
join accounts d on d.account = p.creditor_account
where p.ts >= $lookback_from::timestamp and p.ts < $from::timestamp
group by s.id, d.id

-- The window's accounts in byte order; a row's position is the account's dense id in the graph
-- (window-edges.sql numbers them the same way).
with window_payments as (
  select debtor_account, creditor_account
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
)
select account
from (
  select debtor_account as account from window_payments
  union
  select creditor_account as account from window_payments
)
order by account

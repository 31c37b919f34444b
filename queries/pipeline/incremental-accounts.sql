-- Accounts that sent or received a payment of the window from a file the earlier scan did not
-- cover: their transfers, counterparties and usual amounts changed.
with covered as (select unnest(from_json($files, '["varchar"]')) as file_id),
fresh as (
  select debtor_account, creditor_account from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
    and file_id not in (select file_id from covered)
)
select debtor_account as account from fresh
union
select creditor_account from fresh

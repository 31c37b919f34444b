-- The name each of the given accounts (JSON array) most often carries as the payer in the window's
-- payments (ties: the first in sort order), for judging which accounts belong to one corporate group.
-- Only the debtor's name counts: the payer's bank writes it from its own records, while a creditor
-- name is whatever the payer typed.
with wanted as (select unnest(from_json($accounts, '["varchar"]')) as account),
counted as (
  select debtor_account as account, debtor_name as name, count(*) as n
  from payments
  where ts >= $from::timestamp and ts <= $to::timestamp
    and debtor_account in (select account from wanted)
    and debtor_name is not null and debtor_name <> ''
  group by all
)
select account, name
from (
  select account, name, row_number() over (partition by account order by n desc, name) as r
  from counted
)
where r = 1
order by account

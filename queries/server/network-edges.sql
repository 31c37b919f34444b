-- Every landed transfer as an edge of the in-memory network index: dense account ids (numbered as
-- network-accounts.sql numbers them), epoch microseconds, the amount in major units of its currency
-- and the currency's dense id (numbered as network-currencies.sql numbers them), sorted by
-- (ts, tx_id) as graph/window-edges.sql sorts them, so that two counting sorts give the out-edge
-- order and the in-edge index. Numbers only: no transfer id crosses into JavaScript.
with accounts as (
  select account, (row_number() over (order by account) - 1)::integer as id
  from (
    select debtor_account as account from payments
    union
    select creditor_account as account from payments
  )
),
currencies as (
  select currency, (row_number() over (order by currency) - 1)::usmallint as id
  from (select distinct currency from payments)
)
select s.id as src, d.id as dst, epoch_us(p.ts)::double as ts, p.amount::double as amount,
  c.id as cur
from payments p
join accounts s on s.account = p.debtor_account
join accounts d on d.account = p.creditor_account
join currencies c on c.currency = p.currency
order by p.ts, p.tx_id

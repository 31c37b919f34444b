-- Benchmark data only: $n synthetic transfers over 30 days in time order, between $accounts
-- accounts with a skewed (power-law-like) choice of counterparties, so that there are hubs.
insert into payments (tx_id, ts, amount, currency, debtor_account, debtor_name, debtor_country,
  debtor_bank, creditor_account, creditor_name, creditor_country, creditor_bank, purpose, hs_code,
  extra, file_id, source_row)
with r as (
  select
    i,
    (hash(i * 3 + 1) % 1000000) / 1000000.0 as u1,
    (hash(i * 3 + 2) % 1000000) / 1000000.0 as u2,
    hash(i * 3 + 3) as h3
  from range($n::bigint) t(i)
),
a as (
  select i, h3,
    floor(pow(u1, 2.0) * $accounts::bigint)::bigint as d,
    floor(pow(u2, 2.0) * $accounts::bigint)::bigint as c
  from r
)
select
  'BT' || lpad(i::varchar, 9, '0') as tx_id,
  timestamp '2026-10-01' + to_microseconds((i * 2592000000000 // $n::bigint)::bigint) as ts,
  (100 + (h3 % 5000000) / 100.0)::decimal(18, 2) as amount,
  'EUR' as currency,
  'ACC' || lpad(d::varchar, 8, '0') as debtor_account,
  'Company ' || d::varchar as debtor_name,
  ['DE', 'FR', 'AE', 'TR', 'CN', 'NL', 'GB', 'IT'][1 + d % 8] as debtor_country,
  null as debtor_bank,
  'ACC' || lpad((case when c = d then (c + 1) % $accounts::bigint else c end)::varchar, 8, '0')
    as creditor_account,
  'Company ' || (case when c = d then (c + 1) % $accounts::bigint else c end)::varchar
    as creditor_name,
  ['DE', 'FR', 'AE', 'TR', 'CN', 'NL', 'GB', 'IT'][1 + c % 8] as creditor_country,
  null as creditor_bank,
  'goods' as purpose,
  null as hs_code,
  null as extra,
  'bench' as file_id,
  i as source_row
from a
order by i

-- Benchmark background (bench/detect.ts): $n transfers over $pairs recurring payer → payee pairs
-- among $accounts accounts. Payers and payees come from independent power laws (a few hubs with
-- thousands of counterparties), pair use is skewed too, amounts are log-normal around 2,000, times
-- uniform over 30 days from $start. Pseudo-random through hash(), so every run builds the same data.
insert into payments (tx_id, ts, amount, currency, debtor_account, creditor_account, purpose, file_id, source_row)
with pairs as (
  select
    p,
    floor($accounts * pow(hash(p * 3 + 1)::double / 18446744073709551616.0, 3))::bigint as a,
    -- payee ids permuted so that payer hubs and payee hubs are different accounts
    (floor($accounts * pow(hash(p * 3 + 2)::double / 18446744073709551616.0, 3))::bigint * 7919 + 13)
      % $accounts as b0
  from range($pairs) t(p)
),
fixed_pairs as (
  select p, a, case when b0 = a then (a + 1) % $accounts else b0 end as b from pairs
),
tx as (
  select
    i,
    floor($pairs * pow(hash(i * 5 + 1)::double / 18446744073709551616.0, 1.5))::bigint as p,
    hash(i * 5 + 2)::double / 18446744073709551616.0 as u_ts,
    greatest(hash(i * 5 + 3)::double / 18446744073709551616.0, 1e-12) as u1,
    hash(i * 5 + 4)::double / 18446744073709551616.0 as u2,
    hash(i * 5 + 5) % 100 as r
  from range($n) t(i)
)
select
  'T' || lpad(i::varchar, 10, '0'),
  $start::timestamp + to_microseconds((u_ts * 30 * 86400e6)::bigint),
  greatest(1, round(exp(ln(2000) + 1.5 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)), 2))::decimal(18, 2),
  case when r < 5 then 'USD' else 'EUR' end,
  'BG' || lpad(a::varchar, 9, '0'),
  'BG' || lpad(b::varchar, 9, '0'),
  case when r = 99 then 'refund' else 'goods' end,
  'bench',
  i
from tx
join fixed_pairs using (p)

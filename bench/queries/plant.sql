-- Benchmark planted patterns (bench/detect.ts), $count of each, inside 30 days from $start:
-- rings of 2–8 hops (each hop 97% of the previous, 12 h apart), 5-hop layering chains through quiet
-- accounts, 12-payee fan-outs within a day, structuring (4 × 9,500 into one account in 4 days) and
-- scatter-gather through 5 intermediaries, complete 4 × 4 bipartite sets and 3-tier stacks of 3.
insert into payments (tx_id, ts, amount, currency, debtor_account, creditor_account, purpose, file_id, source_row)
with ids as (select j from range($count) t(j)),
offsets as (select j, (hash(j * 11 + 7) % (20 * 24))::integer as hour0 from ids),
rings as (
  select
    'PR' || j || '-' || h as tx_id, hour0 + 12 * h as hour,
    -- 2-cycles need amounts within 2%
    50000 * pow(case when j % 7 = 0 then 0.99 else 0.97 end, h) as amount,
    'RING' || j || 'N' || h as src, 'RING' || j || 'N' || ((h + 1) % (2 + j % 7)) as dst
  from offsets, range(8) t(h)
  where h < 2 + j % 7
),
chains as (
  select
    'PL' || j || '-' || h, hour0 + 20 * h, 30000 * pow(0.95, h),
    'CHAIN' || j || 'N' || h, 'CHAIN' || j || 'N' || (h + 1)
  from offsets, range(5) t(h)
),
fans as (
  select
    'PF' || j || '-' || h, hour0 + h, 900 + 37 * h,
    'FAN' || j || 'C', 'FAN' || j || 'P' || h
  from offsets, range(12) t(h)
),
structs as (
  select
    'PS' || j || '-' || h, hour0 + 24 * h, 9500 + 50 * h,
    'STRUCT' || j || 'P' || h, 'STRUCT' || j || 'C'
  from offsets, range(4) t(h)
),
bipartite as (
  select
    'PB' || j || '-' || a || '-' || b, hour0 + 3 * a + b, 4000 + 10 * a + b,
    'BIP' || j || 'S' || a, 'BIP' || j || 'D' || b
  from offsets, range(4) t(a), range(4) u(b)
),
stack as (
  select
    'PK' || j || '-' || tier || '-' || a || '-' || b, hour0 + 48 * tier + 2 * a + b, 3000 * pow(0.9, tier) + a + b,
    'STK' || j || 'T' || tier || 'A' || a, 'STK' || j || 'T' || (tier + 1) || 'A' || b
  from offsets, range(2) s(tier), range(3) t(a), range(3) u(b)
),
scatter as (
  select
    'PG' || j || '-' || h || '-' || leg, hour0 + 6 * h + 30 * leg, 8000 * pow(0.95, leg),
    case when leg = 0 then 'SG' || j || 'S' else 'SG' || j || 'M' || h end,
    case when leg = 0 then 'SG' || j || 'M' || h else 'SG' || j || 'T' end
  from offsets, range(5) t(h), range(2) u(leg)
),
planted as (
  select * from rings
  union all select * from chains
  union all select * from fans
  union all select * from structs
  union all select * from scatter
  union all select * from bipartite
  union all select * from stack
)
select
  tx_id, $start::timestamp + to_microseconds((hour * 3600e6)::bigint), round(amount, 2)::decimal(18, 2),
  'EUR', src, dst, 'services', 'bench-plant', 0
from planted

-- Benchmark data only: $n alerts over the benchmark payments, each on four consecutive transfers.
insert into alerts (id, typology, pattern_key, accounts_key, score, status, accounts, first_ts,
  last_ts, total_amount, currency, reasons, finding, community, provenance, assignee, proposed_by,
  proposed_outcome, version, created_at, updated_at)
select
  'A-' || lpad(printf('%x', i), 12, '0') as id,
  ['cycle', 'layering', 'fan_in', 'fan_out', 'structuring', 'scatter_gather', 'sanctions'][1 + i % 7],
  'bench-' || i::varchar, 'bench-' || i::varchar,
  (hash(i) % 10000) / 100.0 as score,
  ['new', 'new', 'new', 'in_review', 'escalated', 'closed_benign'][1 + i % 6],
  [p1.debtor_account, p1.creditor_account, p2.creditor_account],
  p1.ts, p2.ts, p1.amount + p2.amount, 'EUR',
  '[{"code":"BENCH","text":"benchmark alert","weight":40}]'::json,
  '{}'::json, (i % 50)::integer,
  '{"run_id":"bench","detector_version":"bench","config_hash":"bench","list_versions":{},"input_files":[]}'::json,
  case when i % 5 = 0 then 'ana' end, null, null, 1,
  timestamp '2026-11-01' + to_seconds(i), timestamp '2026-11-01' + to_seconds(i)
from range($n::bigint) t(i)
join payments p1 on p1.tx_id = 'BT' || lpad((i * 97 % $payments::bigint)::varchar, 9, '0')
join payments p2 on p2.tx_id = 'BT' || lpad((i * 97 % $payments::bigint + 1)::varchar, 9, '0')

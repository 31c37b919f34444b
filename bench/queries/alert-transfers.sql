-- Benchmark data only: the two transfers behind each benchmark alert.
insert into alert_transfers (alert_id, tx_id, first_run_id)
select id, 'BT' || lpad((i * 97 % $payments::bigint + k)::varchar, 9, '0'), 'bench'
from (
  select 'A-' || lpad(printf('%x', i), 12, '0') as id, i from range($n::bigint) t(i)
), range(2) k(k)

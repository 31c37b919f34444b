-- The window of the latest finished scan ($kind 'scan', $status 'ok'), for alerts per 10,000
-- transfers in `ringwatch eval`; null bounds when that scan found no payments. The filter values are
-- parameters on purpose: DuckDB 1.5.6 keeps a prepared statement with a constant filter, first run
-- on a table never written to, returning nothing after rows arrive (test/eval-evaluate.test.ts).
select run_id, summary ->> '$.window.from' as "from", summary ->> '$.window.to' as "to"
from runs
where kind = $kind and status = $status
order by started_at desc
limit 1

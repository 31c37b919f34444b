-- The state the latest complete scan left (at most one row: each scan replaces it).
select run_id, window_from, window_to, history_start, data_end, basis, files::varchar as files
from scan_state
order by created_at desc
limit 1

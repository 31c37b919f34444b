-- Test fixtures only: every run, oldest first, its summary as JSON text and its note.
select run_id, kind, status, owner, summary::varchar as summary, summary->>'note' as note
from runs
order by started_at, run_id

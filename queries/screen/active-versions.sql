-- The active snapshot of every list: what a scan's results were screened against.
select kind, source, format, snapshot_id
from list_snapshots
where active
order by kind, source, format

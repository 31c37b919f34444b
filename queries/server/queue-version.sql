-- A cheap fingerprint of the alerts table: changes whenever an alert is added, updated or removed.
-- `data` changes only with what the queue's summaries read (queue-summary.sql): alerts added or
-- updated by a scan (version), watch-list hits opened or closed, goods lists switched; a case
-- action changes `last` alone.
select count(*) as n, coalesce(max(updated_at)::varchar, '') as last, coalesce(sum(version), 0) as versions,
  (select count(*) || '|' || coalesce(max(coalesce(closed_at, opened_at, screened_at))::varchar, '')
    from party_hits) as hits,
  (select coalesce(string_agg(snapshot_id, ',' order by snapshot_id), '') from list_snapshots
    where active and kind = 'goods') as goods
from alerts

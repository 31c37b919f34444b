-- A cheap fingerprint of the alerts table: changes whenever an alert is added, updated or removed.
select count(*) as n, coalesce(max(updated_at)::varchar, '') as last, coalesce(sum(version), 0) as versions
from alerts

-- Alerts by status: the queue's workload.
select status, count(*) as n from alerts group by status order by status

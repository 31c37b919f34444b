-- Alerts per day (of the pattern's first transfer) and typology.
select strftime(date_trunc('day', first_ts), '%Y-%m-%d') as day, typology, count(*) as n
from alerts
group by all
order by day, typology

-- Landed transfers per day of their timestamp.
select strftime(date_trunc('day', ts), '%Y-%m-%d') as day, count(*) as n,
  sum(amount)::varchar as amount
from payments
group by all
order by day

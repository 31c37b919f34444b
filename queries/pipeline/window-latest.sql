-- The latest payment time: the default scan window ends on its day.
select max(ts) as last_ts, count(*) as n from payments

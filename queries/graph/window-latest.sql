-- The latest payment time: the default window ends on its day (graph/window.ts).
select max(ts) as last_ts, count(*) as n from payments

-- The latest transfer time present: the default window ends there.
select max(ts) as max_ts from payments

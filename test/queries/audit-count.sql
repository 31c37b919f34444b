-- Test fixtures only: audit rows, of one actor and of one action when given.
select count(*)::integer as n
from audit_log
where ($actor::varchar is null or actor = $actor::varchar)
  and ($action::varchar is null or action = $action::varchar)

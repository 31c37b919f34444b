-- The highest-scored alert that belongs to a case.
select ca.alert_id, ca.case_id
from case_alerts ca join alerts a on a.id = ca.alert_id
order by a.score desc, a.id
limit 1

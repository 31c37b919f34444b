-- One case with the ids of its alerts.
select c.*,
  coalesce((select list(ca.alert_id order by ca.alert_id) from case_alerts ca where ca.case_id = c.id), []) as alert_ids
from cases c
where c.id = $id

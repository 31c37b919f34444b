-- The case state of every alert of a case.
select a.id, a.status, a.assignee, a.proposed_by, a.proposed_outcome
from case_alerts ca join alerts a on a.id = ca.alert_id
where ca.case_id = $id
order by a.id

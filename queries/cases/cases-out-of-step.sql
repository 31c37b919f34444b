-- Cases with an open alert whose state is not the case's (a scan reopened or updated it): the scan
-- brings them back in step (src/cases/case-scan.ts).
select distinct ca.case_id as id
from case_alerts ca
join alerts a on a.id = ca.alert_id
join cases c on c.id = ca.case_id
where a.status not in ('closed_false_positive', 'closed_benign', 'reported')
  and (a.status <> c.status or a.assignee is distinct from c.assignee
    or a.proposed_by is distinct from c.proposed_by
    or a.proposed_outcome is distinct from c.proposed_outcome)
order by id

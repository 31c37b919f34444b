-- The case of an alert (if any) with each of its alerts: what the alert page shows of its case.
with mine as (select case_id from case_alerts where alert_id = $id)
select c.id as case_id, c.status as case_status, c.assignee as case_assignee,
  c.proposed_by as case_proposed_by, c.proposed_outcome as case_proposed_outcome,
  a.id, a.typology, a.score, a.status, a.accounts, a.total_amount::varchar as total_amount, a.currency,
  a.first_ts, a.last_ts, ca.why, ca.linked_by,
  (select count(*) from alert_transfers t where t.alert_id = a.id)::integer as tx_count
from mine
join cases c on c.id = mine.case_id
join case_alerts ca on ca.case_id = c.id
join alerts a on a.id = ca.alert_id
order by a.score desc, a.id

-- Every alert with its accounts, transfers, case state and case (if any), and the cases it was
-- taken out of by hand (scans keep it apart from their alerts): what case grouping reads.
select a.id, a.accounts, a.status, a.assignee, a.proposed_by, a.proposed_outcome, a.created_at,
  coalesce((select list(t.tx_id order by t.tx_id) from alert_transfers t where t.alert_id = a.id), []) as tx_ids,
  ca.case_id,
  coalesce((select list(distinct u.case_id) from case_unlinks u where u.alert_id = a.id), []) as unlinked_from
from alerts a
left join case_alerts ca on ca.alert_id = a.id
order by a.id

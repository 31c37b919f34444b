-- The alerts of a case with what links each one, highest score first.
select a.id, a.typology, a.score, a.status, a.accounts, a.total_amount::varchar as total_amount, a.currency,
  a.first_ts, a.last_ts, a.reasons::varchar as reasons, ca.why, ca.linked_by, ca.joined_at,
  (select count(*) from alert_transfers t where t.alert_id = a.id)::integer as tx_count
from case_alerts ca
join alerts a on a.id = ca.alert_id
where ca.case_id = $id
order by a.score desc, a.id

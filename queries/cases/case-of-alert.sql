-- The case an alert belongs to, if any, and how many alerts that case holds.
select ca.case_id, (select count(*) from case_alerts x where x.case_id = ca.case_id)::integer as n
from case_alerts ca
where ca.alert_id = $alert_id

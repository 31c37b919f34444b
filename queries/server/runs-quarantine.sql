-- Quarantined rows by reason.
select reason_code, count(*) as n, count(distinct file_id) as files
from quarantine
group by reason_code
order by n desc, reason_code

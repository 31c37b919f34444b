-- Alerts that involve one account, highest score first.
select id, typology, score, status, first_ts, last_ts, total_amount::varchar as total_amount, currency
from alerts
where list_contains(accounts, $account)
order by score desc, id
limit 100

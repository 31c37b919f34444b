-- Every alert with its typology, score and accounts, for `ringwatch eval`.
select id, typology, score, accounts
from alerts
order by id

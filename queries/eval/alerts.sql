-- Every alert with its typology and score, for `ringwatch eval`.
select id, typology, score
from alerts
order by id

select id, typology, score, status from alerts where id ilike $q::varchar || '%' order by id limit 10

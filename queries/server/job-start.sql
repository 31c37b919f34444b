update jobs set status = 'running', started_at = $now::timestamp where id = $id

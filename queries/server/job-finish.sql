-- A job's end: its status, what it gave back (or its error) and its last progress.
update jobs set status = $status, finished_at = $now::timestamp, result = $result::json,
  error = $error::varchar, progress = $progress::json
where id = $id

select id, kind, source, status, params::varchar as params, created_by, created_at, started_at,
  finished_at, progress::varchar as progress, result::varchar as result, error
from jobs
where id = $id

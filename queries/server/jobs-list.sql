-- Jobs, newest first (without their results: GET /api/jobs/:id has them).
select id, kind, source, status, params::varchar as params, created_by, created_at, started_at,
  finished_at, progress::varchar as progress, error
from jobs
order by created_at desc, id desc
limit $limit::integer

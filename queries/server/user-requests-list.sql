-- User requests, pending first, newest first.
select id, user_id, role, kind, requested_by, requested_at, status, decided_by, decided_at
from user_requests
order by status <> 'pending', requested_at desc
limit $limit::integer

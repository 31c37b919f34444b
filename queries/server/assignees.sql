-- Who an alert may be assigned to: enabled users whose role works alerts ($roles: JSON array).
select id, role
from users
where not disabled and list_contains(from_json($roles::varchar, '["varchar"]'), role)
order by id

-- Notes on many alerts (a JSON array of {alert_id, text}) by one author, in one statement.
insert into alert_notes (alert_id, author, created_at, text)
select r->>'alert_id', $author, $now::timestamp, r->>'text'
from (select unnest(from_json($rows, '["json"]')) as r)

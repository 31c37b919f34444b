-- Bulk insert of entry names and aliases passed as one JSON array.
insert into list_names
select $snapshot_id, r.id, r.name, r.kind
from (select unnest(from_json($rows::json, '[{"id":"VARCHAR","name":"VARCHAR","kind":"VARCHAR"}]')) as r)

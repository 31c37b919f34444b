-- Open hits no longer found are closed with a note saying why; never deleted.
update party_hits as h
set status = 'closed', closed_at = $now::timestamp, close_note = r.note
from (
  select unnest(from_json($rows::json, '[{"hit_id":"VARCHAR","note":"VARCHAR"}]')) as r
) r
where h.hit_id = r.hit_id and h.status = 'open'

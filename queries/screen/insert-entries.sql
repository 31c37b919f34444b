-- Bulk insert of list entries passed as one JSON array (a batch of a few thousand rows).
insert into list_entries (snapshot_id, entry_id, schema, caption, countries, topics, programs,
  source_line, birth_dates, identifiers, addresses)
select $snapshot_id, r.id, r.schema, r.caption, r.countries, r.topics, r.programs, r.line,
  coalesce(r.birthDates, []), coalesce(r.identifiers, []), coalesce(r.addresses, [])
from (
  select unnest(from_json($rows::json,
    '[{"id":"VARCHAR","schema":"VARCHAR","caption":"VARCHAR","countries":["VARCHAR"],"topics":["VARCHAR"],"programs":["VARCHAR"],"line":"BIGINT","birthDates":["VARCHAR"],"identifiers":["VARCHAR"],"addresses":["VARCHAR"]}]'
  )) as r
)

-- What changed between two list snapshots, by entry id: entries only in $b (added), only in $a
-- (removed), and in both with other names, caption, schema or countries (changed).
with a as (
  select e.entry_id, any_value(e.caption) as caption, any_value(e.schema) as schema,
    any_value(list_sort(e.countries)) as countries,
    list_sort(list(distinct n.name_kind || ':' || n.name)) as names
  from list_entries e
  left join list_names n on n.snapshot_id = e.snapshot_id and n.entry_id = e.entry_id
  where e.snapshot_id = $a
  group by e.entry_id
),
b as (
  select e.entry_id, any_value(e.caption) as caption, any_value(e.schema) as schema,
    any_value(list_sort(e.countries)) as countries,
    list_sort(list(distinct n.name_kind || ':' || n.name)) as names
  from list_entries e
  left join list_names n on n.snapshot_id = e.snapshot_id and n.entry_id = e.entry_id
  where e.snapshot_id = $b
  group by e.entry_id
)
select coalesce(b.entry_id, a.entry_id) as entry_id,
  case when a.entry_id is null then 'added' when b.entry_id is null then 'removed' else 'changed' end
    as change,
  coalesce(b.caption, a.caption) as caption, coalesce(b.schema, a.schema) as schema,
  a.caption as caption_before,
  coalesce(list_filter(b.names, x -> not list_contains(coalesce(a.names, []), x)), []) as names_added,
  coalesce(list_filter(a.names, x -> not list_contains(coalesce(b.names, []), x)), []) as names_removed,
  a.countries as countries_before, b.countries as countries_after
from a
full outer join b on a.entry_id = b.entry_id
where a.entry_id is null or b.entry_id is null
  or a.names <> b.names or a.caption <> b.caption or a.schema <> b.schema
  or a.countries <> b.countries
order by change, entry_id

-- Test fixtures only: one name of a list entry.
insert into list_names (snapshot_id, entry_id, name, name_kind)
values ($snapshot_id, $entry_id, $name, $name_kind)

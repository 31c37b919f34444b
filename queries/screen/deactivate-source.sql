-- A new snapshot of a list replaces the active one of the same source, kind and format.
update list_snapshots
set active = false
where kind = $kind and source = $source and format = $format and active

-- A new fx snapshot replaces whichever was active: one reference-rate table is in force at a time.
update list_snapshots
set active = false
where kind = $kind and active

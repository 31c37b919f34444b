-- Test fixtures only: turns a list snapshot on or off.
update list_snapshots set active = $active where snapshot_id = $snapshot_id

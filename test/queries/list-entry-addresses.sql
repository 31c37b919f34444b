-- Every list entry's addresses, by version (list-addresses.test.ts).
select snapshot_id, entry_id, addresses from list_entries order by snapshot_id, entry_id

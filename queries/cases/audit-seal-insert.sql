-- The first sealed append names its key; later appends check that they hold the same key.
insert into audit_seal (id, key_id, keyed_from, sealed_at) values (1, $key_id, $keyed_from, $now::timestamp)

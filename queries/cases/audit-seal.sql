-- The key that seals the audit chain (its id, never the key) and the first seq it sealed.
select key_id, keyed_from from audit_seal where id = 1

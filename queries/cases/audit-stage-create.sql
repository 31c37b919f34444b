-- The staged batch of audit rows (cases/audit.ts: hashes computed by the caller in order), for
-- audit-insert-staged.sql.
create or replace temp table audit_staged (
  seq double, created_at varchar, actor varchar, role varchar, action varchar,
  entity_type varchar, entity_id varchar, before varchar, after varchar, reason varchar,
  prev_hash varchar, hash varchar
)

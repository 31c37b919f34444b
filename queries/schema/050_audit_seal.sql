-- The audit chain is sealed with a key kept outside the database (HMAC-SHA256, see
-- src/cases/audit.ts): this row names the key (a hash of a fixed text under it, never the key) and
-- the first seq it sealed. Rows before it come from a database older than keys and carry plain
-- SHA-256 hashes; the first sealed row links to them, so they cannot change unseen either.
create table audit_seal (
  id integer primary key,                 -- always 1
  key_id varchar not null,
  keyed_from bigint not null,
  sealed_at timestamp not null
);

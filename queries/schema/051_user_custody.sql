-- Four eyes by the chain of custody: who created, approved, promoted or re-keyed each user (each of
-- them held, or could have held, the user's key or role). A maker and a checker related through
-- this chain, in either direction, are not two people (src/cases/custody.ts).
create table user_custody (
  user_id varchar not null,
  by_id varchar not null,
  kind varchar not null,                  -- create | approve | promote | rekey
  noted_at timestamp not null
);

-- Creating or promoting a supervisor or admin waits here for a second admin (src/server/auth).
create table user_requests (
  id varchar primary key,
  user_id varchar not null,
  role varchar not null,
  kind varchar not null,                  -- create | promote
  key_hash varchar,                       -- create: the new user's key, shown once to the requester
  requested_by varchar not null,
  requested_at timestamp not null,
  status varchar not null,                -- pending | approved | rejected
  decided_by varchar,
  decided_at timestamp
);

-- Work the server runs for the batch role, its inbox and its schedule, one job at a time
-- (src/server/jobs). A job still queued or running when the server stops is 'interrupted' at its
-- next start.
create table jobs (
  id varchar primary key,
  kind varchar not null,                  -- batch | ingest | scan | lists
  source varchar not null,                -- api | inbox | schedule
  status varchar not null,                -- queued | running | ok | failed | interrupted
  params json not null,
  created_by varchar not null,
  created_at timestamp not null,
  started_at timestamp,
  finished_at timestamp,
  progress json,
  result json,
  error varchar,
  owner varchar not null                  -- the server process (store/db.ts PROCESS_ID)
);

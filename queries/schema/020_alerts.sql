-- Alerts and their case workflow, the hash-chained audit log, and the people who act on them.

create table alerts (
  id varchar primary key,                 -- 'A-' + hex, deterministic from typology and pattern key
  typology varchar not null,
  pattern_key varchar not null,           -- finding key of the pattern first alerted
  accounts_key varchar not null,          -- hash of the sorted account set: merges a ring found again
  score double not null,
  status varchar not null,                -- see schema/alert.ts ALERT_STATUSES
  accounts varchar[] not null,
  first_ts timestamp not null,
  last_ts timestamp not null,
  total_amount decimal(18, 2) not null,
  currency varchar not null,
  reasons json not null,                  -- [{code, text, weight}] sorted by weight, highest first
  finding json not null,                  -- the latest finding behind the alert
  community integer,
  provenance json not null,               -- {run_id, detector_version, config_hash, list_versions, input_files}
  assignee varchar,
  proposed_by varchar,                    -- maker of a pending proposal (four eyes)
  proposed_outcome varchar,               -- closed_false_positive | closed_benign | reported
  version integer not null default 1,     -- bumped on every update from a scan
  created_at timestamp not null,
  updated_at timestamp not null
);

create table alert_transfers (
  alert_id varchar not null,
  tx_id varchar not null,
  first_run_id varchar not null           -- the run that first linked this transfer to the alert
);

-- One row per scan that created or updated an alert: the history kept when an alert is merged.
create table alert_versions (
  alert_id varchar not null,
  version integer not null,
  run_id varchar not null,
  score double not null,
  reasons json not null,
  tx_count integer not null,
  note varchar,
  created_at timestamp not null
);

create table alert_notes (
  alert_id varchar not null,
  author varchar not null,
  created_at timestamp not null,
  text varchar not null
);

-- Append-only and hash-chained: hash = sha256(prev_hash || canonical row), checked by `audit verify`.
create table audit_log (
  seq bigint primary key,
  created_at timestamp not null,
  actor varchar not null,
  role varchar not null,
  action varchar not null,                -- e.g. alert.create, alert.update, case.assign, case.propose, export
  entity_type varchar not null,           -- alert | export | user | list
  entity_id varchar not null,
  before json,
  after json,
  reason varchar,
  prev_hash varchar not null,
  hash varchar not null
);

-- The head of the audit chain (one row, seq 0 and the genesis hash before the first append), moved
-- in the same transaction as each append, so that a deleted tail of the chain is found too.
create table audit_head (
  id integer primary key,                 -- always 1
  seq bigint not null,
  hash varchar not null
);
insert into audit_head values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table users (
  id varchar primary key,                 -- login name
  role varchar not null,
  key_hash varchar not null,              -- scrypt hash of the API key, never the key
  created_at timestamp not null,
  disabled boolean not null default false
);

-- Per-account results of the latest scan, for views and scoring: Louvain community and hop distance
-- (≤ 3) to a screened hit. Replaced by each scan for the accounts of its window.
create table account_communities (
  account varchar primary key,
  community integer not null,
  run_id varchar not null
);

create table account_exposure (
  account varchar primary key,
  hops integer not null,                  -- 0 = the account itself is a hit
  run_id varchar not null
);

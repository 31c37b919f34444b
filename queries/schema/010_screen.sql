-- Screening: versioned watch-list and goods-list snapshots, and per-scan results (party hits, goods
-- classes and route flags per transfer) that scoring and the server read.

create table list_snapshots (
  snapshot_id varchar primary key,      -- 'L-' + first 16 hex of the file's SHA-256
  kind varchar not null,                -- sanctions | goods
  format varchar not null,              -- targets-simple | ftm | ofac-sdn | plain-csv | goods-hs | goods-lexicon
  source varchar not null,              -- list name (file name): a newer snapshot of it replaces the active one
  file_path varchar not null,
  file_hash varchar not null,           -- SHA-256 of the file (plus alt.csv for OFAC): the same file twice is a no-op
  imported_at timestamp not null,
  entries integer not null,             -- entries kept (sanctions) or codes / terms (goods)
  names integer not null,               -- names and aliases kept (sanctions)
  bad_rows integer not null,            -- malformed rows reported and left out
  skipped json,                         -- records deliberately left out, by schema or type
  errors json,                          -- the first malformed rows: [{line, message}]
  active boolean not null
);

create table list_entries (
  snapshot_id varchar not null,
  entry_id varchar not null,            -- the list's own id (OFAC ent_num, OpenSanctions id, …)
  schema varchar not null,              -- Person | Company | Organization | LegalEntity | Vessel
  caption varchar not null,
  countries varchar[] not null,
  topics varchar[] not null,            -- e.g. sanction, export.control
  programs varchar[] not null,
  source_line bigint not null
);

create table list_names (
  snapshot_id varchar not null,
  entry_id varchar not null,
  name varchar not null,
  name_kind varchar not null            -- name | alias | weakAlias | previousName
);

create table goods_codes (
  snapshot_id varchar not null,
  prefix varchar not null,              -- HS code prefix, digits only (2 to 10)
  tier varchar not null,                -- CHPL tier (1, 2, 3.A, 3.B, 4.A, 4.B) or a lower broad tier
  category varchar not null,
  description varchar not null
);

create table goods_terms (
  snapshot_id varchar not null,
  term varchar not null,                -- lower case, without diacritics
  lang varchar not null,
  category varchar not null,
  tier varchar not null,
  generic boolean not null              -- a generic declared description, not a control
);

-- One row per (account, list entry) hit of the latest screening of that account.
create table party_hits (
  account varchar not null,
  name varchar not null,                -- the party name as it appears in the payments
  entry_id varchar not null,
  snapshot_id varchar not null,
  score double not null,
  list_source varchar not null,
  schema varchar not null,
  caption varchar not null,
  matched_name varchar not null,        -- the list name or alias that matched
  explanation json not null,            -- {matched_name, name_kind, tokens: [{query, list, sim}], only_query, only_list}
  screened_at timestamp not null
);

create table tx_goods (
  tx_id varchar not null,           -- one row per flagged transfer (no key: bulk rewrites stay fast)
  category varchar not null,
  tier varchar not null,
  source varchar not null,              -- hs | lexicon | both
  terms varchar[] not null,             -- lexicon terms found in the purpose text
  mismatch boolean not null,            -- generic description on a controlled code, or controlled words on an uncontrolled code
  hs_code varchar,
  hs_prefix varchar,                    -- the goods-list prefix that matched
  description varchar
);

create table tx_routes (
  tx_id varchar not null,           -- one row per flagged transfer (no key: bulk rewrites stay fast)
  sanctioned boolean not null,          -- a party or bank country is a sanctioned jurisdiction
  hub boolean not null,                 -- a party or bank country is a diversion / transshipment hub
  countries varchar[] not null,         -- every flagged country on the transfer
  sanctioned_countries varchar[] not null,
  hub_countries varchar[] not null
);

-- Name-screening cache: every distinct party name already matched against one set of active
-- sanctions snapshots (lists_key = hash of their ids, the threshold and the matcher version), and
-- its hits. A later scan matches only names it has not seen under the same lists_key.
create table screened_names (
  lists_key varchar not null,
  name varchar not null
);

create table name_hits (
  lists_key varchar not null,
  name varchar not null,
  entry_id varchar not null,
  snapshot_id varchar not null,
  score double not null,
  list_source varchar not null,
  schema varchar not null,
  caption varchar not null,
  matched_name varchar not null,
  explanation json not null
);

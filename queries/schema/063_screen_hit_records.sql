-- Screening hits as records (issue 18): each party hit keeps which list version, entity, name and
-- score parts decided it, and the rule; a hit closes with a note (never deleted) when its entity
-- leaves the list or its name stops matching. List entries keep dates of birth and identifiers for
-- the second signals weak aliases need.

alter table list_entries add column birth_dates varchar[];  -- YYYY, YYYY-MM or YYYY-MM-DD
alter table list_entries add column identifiers varchar[];  -- passport, registration, IMO … (A-Z0-9)

alter table name_hits add column name_kind varchar;         -- name | alias | weakAlias | previousName
alter table name_hits add column parts json;                -- the name score's parts (see screen/types.ts)

alter table party_hits add column hit_id varchar;           -- 'H-' + hash of account, name, list and entity
alter table party_hits add column name_kind varchar;
alter table party_hits add column parts json;               -- name score, token overlap, phonetic, edits, legal form, country, entity type
alter table party_hits add column rule varchar;             -- the rule that decided (name, alias, weak-alias+country, …)
alter table party_hits add column signals varchar[];        -- second signals seen (country, bic-country, birth-date, identifier)
alter table party_hits add column status varchar;           -- open | closed
alter table party_hits add column reason varchar;           -- screening | list_change: what opened it
alter table party_hits add column first_snapshot_id varchar;
alter table party_hits add column opened_at timestamp;
alter table party_hits add column closed_at timestamp;
alter table party_hits add column close_note varchar;

-- hits kept from before are open screening hits of their snapshot
update party_hits
set hit_id = 'H-' || substr(sha256(account || chr(0) || name || chr(0) || list_source || chr(0) || entry_id), 1, 16),
  name_kind = coalesce(json_extract_string(explanation, '$.name_kind'), 'name'),
  rule = 'name',
  signals = [],
  status = 'open',
  reason = 'screening',
  first_snapshot_id = snapshot_id,
  opened_at = screened_at;

-- Cheaper forms of ingest's per-field expressions, for the one pass that lands a file (see
-- queries/ingest/checked-create.sql). Each gives the same answer as the form it replaces; tests
-- hold the two against each other.

-- Trimmed, empty → null (as before), but trim only runs on a value that starts or ends with white
-- space: most values do not, and trim with a set of characters costs more than the test.
create or replace macro rw_clean(s) as
  case
    when ascii(s) <= 32 or ends_with(s, ' ') or ends_with(s, e'\t') or ends_with(s, e'\r')
      or ends_with(s, e'\n')
      then nullif(trim(s, e' \t\r\n'), '')
    else s
  end;

-- A BIC's shape (ISO 9362): 4 letters, 2 letters of a country, 2 letters or digits, an optional
-- branch of 3. The same test as regexp '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?', as GLOBs
-- (about three times cheaper than the regular expression on millions of rows).
create macro rw_bic_shaped(b) as
  b glob '[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z][A-Z0-9][A-Z0-9]'
  or b glob '[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z][A-Z0-9][A-Z0-9][A-Z0-9][A-Z0-9][A-Z0-9]';

-- An HS code: digits and dots, a digit first and last, 4 to 10 digits. The same test as
-- regexp '[0-9][0-9.]*[0-9]' with the digit count, as GLOBs.
create macro rw_hs_ok(h) as
  h glob '[0-9]*[0-9]' and not h glob '*[!0-9.]*'
  and length(replace(h, '.', '')) between 4 and 10;

-- An account (as in 001_core.sql): the rewrite for inner spaces is only tried on a value that has a
-- space at all.
create or replace macro rw_account(s) as
  case
    when contains(s, ' ') and contains(rw_clean(s), ' ')
      and regexp_full_match(upper(replace(rw_clean(s), ' ', '')), '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}')
      then upper(replace(rw_clean(s), ' ', ''))
    else rw_clean(s)
  end;

-- IBAN shape and all-digit BBAN (as in 001_core.sql) as GLOBs instead of regular expressions.
create or replace macro rw_iban_shaped(s) as
  length(s) between 15 and 34 and s glob '[A-Z][A-Z][0-9][0-9]*' and not s glob '*[!A-Z0-9]*';
create or replace macro rw_iban_bban_digits(s) as
  length(s) > 4 and not substr(s, 5) glob '*[!0-9]*';

-- A timestamp written the ISO 8601 way, date first (DuckDB's cast alone also accepts 'epoch',
-- 'infinity' and '-infinity'). The cast decides the rest.
create macro rw_ts_shaped(s) as s glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*';

-- The process that started a run (a random id per process: process ids repeat, in containers
-- the server is often pid 1 on every start). A run still 'running' when another process opens the
-- database for writing was cut short (killed, crashed, power lost): DuckDB lets one process write
-- a file at a time, so no other process can be running it. openStore marks such runs 'interrupted'.
alter table runs add column owner varchar;

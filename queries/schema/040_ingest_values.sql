-- Checks run once per distinct value of a file (see queries/ingest/faults-create.sql): the IBAN
-- shape tests as regular expressions, which measured about half the cost of the GLOB forms on
-- accounts (the leading '*' of '*[!A-Z0-9]*' makes the GLOB scan every suffix). Same answers.
create or replace macro rw_iban_shaped(s) as
  regexp_full_match(s, '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}');
create or replace macro rw_iban_bban_digits(s) as
  regexp_full_match(substr(s, 5), '[0-9]+');

-- Why an account (already cleaned) is not a valid IBAN, given the IBAN length of the country its
-- first two letters name (null when that country issues no IBANs): 'length', 'check' or null
-- (valid, or not shaped like an IBAN at all: then it is an account id of another kind).
create macro rw_iban_fault(s, iban_length) as
  case
    when iban_length is null or not rw_iban_shaped(s) then null
    when length(s) <> iban_length then 'length'
    when not rw_iban_ok(s) then 'check'
  end;

-- The check digits of an IBAN whose BBAN is all digits (most countries), in bigint arithmetic: the
-- BBAN reduced mod 97 in two pieces (15 digits, then the rest, scaled by `bban_scale` =
-- 10^(length − 19)), then the country letters as numbers (`letters`, ×100) and the check digits
-- appended (6 more digits). rw_iban_ok_digits works the constants out from the IBAN itself;
-- faults-create.sql once per country (rw_iban_fault_known).
create macro rw_iban_digits_ok(s, bban_scale, letters) as
  ((((substr(s, 5, 15)::bigint % 97) * bban_scale
    + coalesce(try_cast(substr(s, 20) as bigint), 0)) % 97) * 1000000
    + letters + substr(s, 3, 2)::integer) % 97 = 1;
create macro rw_iban_ok_digits(s) as
  rw_iban_digits_ok(s, pow(10, greatest(length(s) - 19, 0))::bigint,
    ((ascii(s) - 55) * 100 + ascii(substr(s, 2, 1)) - 55) * 100);

-- IBAN check digits valid (ISO 13616: the first four characters moved to the end, letters as 10 to
-- 35, the number mod 97 must be 1). All-digit BBANs take the bigint path; others are reduced digit
-- by digit in a lambda. (The form of 030_ingest_rules.sql spelled the letters out in 26 nested
-- replace() calls copied into every use: preparing a statement that used it took about 50 ms.)
create or replace macro rw_iban_ok(s) as
  case
    when rw_iban_bban_digits(s) then rw_iban_ok_digits(s)
    else list_reduce(
      list_transform(
        string_split(array_to_string(list_transform(string_split(substr(s, 5) || substr(s, 1, 4), ''),
          c -> case when c between 'A' and 'Z' then (ascii(c) - 55)::varchar else c end), ''), ''),
        x -> x::integer),
      (a, x) -> (a * 10 + x) % 97) = 1
  end;

-- rw_iban_fault with the common case first, for an account whose country's constants are known
-- (faults-create.sql works them out once per country): one regular expression tells an IBAN with
-- an all-digit BBAN (2 letters, 2 check digits, 11 to 30 digits), which takes the bigint path
-- with the country's letters as digits (`letters`, ×100) and 10^(IBAN length − 19)
-- (`bban_scale`); anything else takes the general one. The same answers as rw_iban_fault (a test
-- holds them together).
create macro rw_iban_fault_known(s, iban_length, bban_scale, letters) as
  case
    when iban_length is null then null
    when regexp_full_match(s, '[A-Z]{2}[0-9]{13,32}') then
      case
        when length(s) <> iban_length then 'length'
        when not rw_iban_digits_ok(s, bban_scale, letters) then 'check'
      end
    else rw_iban_fault(s, iban_length)
  end;

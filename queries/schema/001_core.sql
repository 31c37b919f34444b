-- Core tables: the file manifest, landed payments, quarantined rows and the run log.
-- Timestamps are UTC (TIMESTAMP without zone, UTC by convention).

create table ingest_files (
  file_id varchar primary key,        -- SHA-256 of the file's bytes: the same file twice is skipped
  path varchar not null,              -- path as given when first landed
  format varchar not null,            -- csv | parquet | arrow | jsonl | pacs008
  size_bytes bigint not null,
  rows_read bigint not null,
  rows_accepted bigint not null,
  rows_quarantined bigint not null,
  run_id varchar,
  ingested_at timestamp not null
);

create table payments (
  tx_id varchar not null,             -- unique across everything ingested (checked at ingest)
  ts timestamp not null,
  amount decimal(18, 2) not null,
  currency varchar not null,
  debtor_account varchar not null,
  debtor_name varchar,
  debtor_country varchar,
  debtor_bank varchar,
  creditor_account varchar not null,
  creditor_name varchar,
  creditor_country varchar,
  creditor_bank varchar,
  purpose varchar,
  hs_code varchar,
  extra json,                         -- columns beyond the canonical record, kept as they came
  file_id varchar not null,
  source_row bigint not null          -- line (CSV, JSONL), row (Parquet, Arrow) or transaction (pacs.008)
);

create table quarantine (
  file_id varchar not null,
  path varchar not null,
  source_row bigint not null,         -- same numbering as payments.source_row; 0 when the whole file
  column_name varchar,                -- the field at fault, null when the row as a whole is
  raw_value varchar,
  reason_code varchar not null,       -- stable code, e.g. bad_iban, unknown_currency, duplicate_tx_id
  reason varchar not null,            -- plain-language reason
  raw_row varchar                     -- the row as read, for repair and re-submission
);

create table runs (
  run_id varchar primary key,
  kind varchar not null,              -- ingest | scan | batch | lists
  started_at timestamp not null,
  finished_at timestamp,
  status varchar not null,            -- running | ok | failed
  summary json
);

-- Field clean-up and checks shared by every ingest path (see src/ingest/validate.ts). A macro is used
-- so that the CSV, Parquet and Arrow paths stage and validate through the very same expressions.
create macro rw_clean(s) as nullif(trim(s, e' \t\r\n'), '');
create macro rw_code(s) as upper(rw_clean(s));
-- An account: a value with inner spaces that is an IBAN once they are removed ('DE89 3704 …') is
-- written without them, upper-case; any other id stays as given (trimmed).
create macro rw_account(s) as
  case
    when contains(rw_clean(s), ' ')
      and regexp_full_match(upper(replace(rw_clean(s), ' ', '')), '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}')
      then upper(replace(rw_clean(s), ' ', ''))
    else rw_clean(s)
  end;
-- ISO 13616 check: move the first four characters to the end, letters to 10..35, the number mod 97
-- must be 1. The digit string (≤ 68 digits) is reduced in three 30-digit steps that fit a hugeint.
create macro rw_iban_digits(s) as
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(substr(s, 5) || substr(s, 1, 4),
  'A', '10'), 'B', '11'), 'C', '12'), 'D', '13'), 'E', '14'), 'F', '15'), 'G', '16'), 'H', '17'),
  'I', '18'), 'J', '19'), 'K', '20'), 'L', '21'), 'M', '22'), 'N', '23'), 'O', '24'), 'P', '25'),
  'Q', '26'), 'R', '27'), 'S', '28'), 'T', '29'), 'U', '30'), 'V', '31'), 'W', '32'), 'X', '33'),
  'Y', '34'), 'Z', '35');
create macro rw_mod97_step(r, chunk) as
  case
    when chunk = '' then r
    else (r * ('1' || repeat('0', length(chunk)))::hugeint + chunk::hugeint) % 97
  end;
create macro rw_mod97(d) as
  rw_mod97_step(rw_mod97_step(rw_mod97_step(0::hugeint, substr(d, 1, 30)), substr(d, 31, 30)),
    substr(d, 61, 30));
create macro rw_iban_shaped(s) as regexp_full_match(s, '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}');
-- IBAN check digits valid. Fast path for an all-digit BBAN (most countries): the BBAN reduced
-- mod 97 as two bigints (first 15 digits, then the rest), then the country letters as numbers and
-- the check digits appended (6 more digits). Letters in the BBAN take the general (slower) path.
-- (a regexp, not try_cast: DuckDB's cast reads '3000497361250E0' as a number in exponent notation)
create macro rw_iban_bban_digits(s) as regexp_full_match(substr(s, 5), '[0-9]+');
create macro rw_iban_ok(s) as
  case
    when rw_iban_bban_digits(s) then
      ((((substr(s, 5, 15)::bigint % 97) * pow(10, greatest(length(s) - 19, 0))::bigint
        + coalesce(try_cast(substr(s, 20) as bigint), 0)) % 97) * 1000000
        + (ascii(s) - 55) * 10000 + (ascii(substr(s, 2, 1)) - 55) * 100
        + substr(s, 3, 2)::integer) % 97 = 1
    else rw_mod97(rw_iban_digits(s)) = 1
  end;

-- ISO 4217 currency codes with their minor units (decimals), active list plus recently
-- withdrawn codes still met in archives (withdrawn = true). Metals and funds without minor units are
-- not payment currencies and are left out.
create table ref_currency (code varchar primary key, minor_units integer not null, withdrawn boolean not null);

insert into ref_currency values
  ('AED', 2, false), ('AFN', 2, false), ('ALL', 2, false), ('AMD', 2, false), ('AOA', 2, false),
  ('ARS', 2, false), ('AUD', 2, false), ('AWG', 2, false), ('AZN', 2, false), ('BAM', 2, false),
  ('BBD', 2, false), ('BDT', 2, false), ('BGN', 2, false), ('BHD', 3, false), ('BIF', 0, false),
  ('BMD', 2, false), ('BND', 2, false), ('BOB', 2, false), ('BOV', 2, false), ('BRL', 2, false),
  ('BSD', 2, false), ('BTN', 2, false), ('BWP', 2, false), ('BYN', 2, false), ('BZD', 2, false),
  ('CAD', 2, false), ('CDF', 2, false), ('CHE', 2, false), ('CHF', 2, false), ('CHW', 2, false),
  ('CLF', 4, false), ('CLP', 0, false), ('CNY', 2, false), ('COP', 2, false), ('COU', 2, false),
  ('CRC', 2, false), ('CUP', 2, false), ('CVE', 2, false), ('CZK', 2, false), ('DJF', 0, false),
  ('DKK', 2, false), ('DOP', 2, false), ('DZD', 2, false), ('EGP', 2, false), ('ERN', 2, false),
  ('ETB', 2, false), ('EUR', 2, false), ('FJD', 2, false), ('FKP', 2, false), ('GBP', 2, false),
  ('GEL', 2, false), ('GHS', 2, false), ('GIP', 2, false), ('GMD', 2, false), ('GNF', 0, false),
  ('GTQ', 2, false), ('GYD', 2, false), ('HKD', 2, false), ('HNL', 2, false), ('HTG', 2, false),
  ('HUF', 2, false), ('IDR', 2, false), ('ILS', 2, false), ('INR', 2, false), ('IQD', 3, false),
  ('IRR', 2, false), ('ISK', 0, false), ('JMD', 2, false), ('JOD', 3, false), ('JPY', 0, false),
  ('KES', 2, false), ('KGS', 2, false), ('KHR', 2, false), ('KMF', 0, false), ('KPW', 2, false),
  ('KRW', 0, false), ('KWD', 3, false), ('KYD', 2, false), ('KZT', 2, false), ('LAK', 2, false),
  ('LBP', 2, false), ('LKR', 2, false), ('LRD', 2, false), ('LSL', 2, false), ('LYD', 3, false),
  ('MAD', 2, false), ('MDL', 2, false), ('MGA', 2, false), ('MKD', 2, false), ('MMK', 2, false),
  ('MNT', 2, false), ('MOP', 2, false), ('MRU', 2, false), ('MUR', 2, false), ('MVR', 2, false),
  ('MWK', 2, false), ('MXN', 2, false), ('MXV', 2, false), ('MYR', 2, false), ('MZN', 2, false),
  ('NAD', 2, false), ('NGN', 2, false), ('NIO', 2, false), ('NOK', 2, false), ('NPR', 2, false),
  ('NZD', 2, false), ('OMR', 3, false), ('PAB', 2, false), ('PEN', 2, false), ('PGK', 2, false),
  ('PHP', 2, false), ('PKR', 2, false), ('PLN', 2, false), ('PYG', 0, false), ('QAR', 2, false),
  ('RON', 2, false), ('RSD', 2, false), ('RUB', 2, false), ('RWF', 0, false), ('SAR', 2, false),
  ('SBD', 2, false), ('SCR', 2, false), ('SDG', 2, false), ('SEK', 2, false), ('SGD', 2, false),
  ('SHP', 2, false), ('SLE', 2, false), ('SOS', 2, false), ('SRD', 2, false), ('SSP', 2, false),
  ('STN', 2, false), ('SVC', 2, false), ('SYP', 2, false), ('SZL', 2, false), ('THB', 2, false),
  ('TJS', 2, false), ('TMT', 2, false), ('TND', 3, false), ('TOP', 2, false), ('TRY', 2, false),
  ('TTD', 2, false), ('TWD', 2, false), ('TZS', 2, false), ('UAH', 2, false), ('UGX', 0, false),
  ('USD', 2, false), ('USN', 2, false), ('UYI', 0, false), ('UYU', 2, false), ('UYW', 4, false),
  ('UZS', 2, false), ('VED', 2, false), ('VES', 2, false), ('VND', 0, false), ('VUV', 0, false),
  ('WST', 2, false), ('XAF', 0, false), ('XCD', 2, false), ('XCG', 2, false), ('XOF', 0, false),
  ('XPF', 0, false), ('YER', 2, false), ('ZAR', 2, false), ('ZMW', 2, false), ('ZWG', 2, false),
  ('ANG', 2, true), ('SLL', 2, true), ('ZWL', 2, true), ('CUC', 2, true), ('HRK', 2, true);

-- ISO 3166-1 alpha-2 country codes (249 officially assigned, plus XK, the user-assigned code for
-- Kosovo used by SWIFT and IBAN), with the IBAN length where the country issues IBANs.
create table ref_country (code varchar primary key, iban_length integer);

insert into ref_country values
  ('AD', 24), ('AE', 23), ('AF', null), ('AG', null), ('AI', null), ('AL', 28), ('AM', null), ('AO', null),
  ('AQ', null), ('AR', null), ('AS', null), ('AT', 20), ('AU', null), ('AW', null), ('AX', null), ('AZ', 28),
  ('BA', 20), ('BB', null), ('BD', null), ('BE', 16), ('BF', null), ('BG', 22), ('BH', 22), ('BI', 27),
  ('BJ', null), ('BL', null), ('BM', null), ('BN', null), ('BO', null), ('BQ', null), ('BR', 29), ('BS', null),
  ('BT', null), ('BV', null), ('BW', null), ('BY', 28), ('BZ', null), ('CA', null), ('CC', null), ('CD', null),
  ('CF', null), ('CG', null), ('CH', 21), ('CI', null), ('CK', null), ('CL', null), ('CM', null), ('CN', null),
  ('CO', null), ('CR', 22), ('CU', null), ('CV', null), ('CW', null), ('CX', null), ('CY', 28), ('CZ', 24),
  ('DE', 22), ('DJ', 27), ('DK', 18), ('DM', null), ('DO', 28), ('DZ', null), ('EC', null), ('EE', 20),
  ('EG', 29), ('EH', null), ('ER', null), ('ES', 24), ('ET', null), ('FI', 18), ('FJ', null), ('FK', 18),
  ('FM', null), ('FO', 18), ('FR', 27), ('GA', null), ('GB', 22), ('GD', null), ('GE', 22), ('GF', null),
  ('GG', null), ('GH', null), ('GI', 23), ('GL', 18), ('GM', null), ('GN', null), ('GP', null), ('GQ', null),
  ('GR', 27), ('GS', null), ('GT', 28), ('GU', null), ('GW', null), ('GY', null), ('HK', null), ('HM', null),
  ('HN', 28), ('HR', 21), ('HT', null), ('HU', 28), ('ID', null), ('IE', 22), ('IL', 23), ('IM', null),
  ('IN', null), ('IO', null), ('IQ', 23), ('IR', null), ('IS', 26), ('IT', 27), ('JE', null), ('JM', null),
  ('JO', 30), ('JP', null), ('KE', null), ('KG', null), ('KH', null), ('KI', null), ('KM', null), ('KN', null),
  ('KP', null), ('KR', null), ('KW', 30), ('KY', null), ('KZ', 20), ('LA', null), ('LB', 28), ('LC', 32),
  ('LI', 21), ('LK', null), ('LR', null), ('LS', null), ('LT', 20), ('LU', 20), ('LV', 21), ('LY', 25),
  ('MA', null), ('MC', 27), ('MD', 24), ('ME', 22), ('MF', null), ('MG', null), ('MH', null), ('MK', 19),
  ('ML', null), ('MM', null), ('MN', 20), ('MO', null), ('MP', null), ('MQ', null), ('MR', 27), ('MS', null),
  ('MT', 31), ('MU', 30), ('MV', null), ('MW', null), ('MX', null), ('MY', null), ('MZ', null), ('NA', null),
  ('NC', null), ('NE', null), ('NF', null), ('NG', null), ('NI', 28), ('NL', 18), ('NO', 15), ('NP', null),
  ('NR', null), ('NU', null), ('NZ', null), ('OM', 23), ('PA', null), ('PE', null), ('PF', null), ('PG', null),
  ('PH', null), ('PK', 24), ('PL', 28), ('PM', null), ('PN', null), ('PR', null), ('PS', 29), ('PT', 25),
  ('PW', null), ('PY', null), ('QA', 29), ('RE', null), ('RO', 24), ('RS', 22), ('RU', 33), ('RW', null),
  ('SA', 24), ('SB', null), ('SC', 31), ('SD', 18), ('SE', 24), ('SG', null), ('SH', null), ('SI', 19),
  ('SJ', null), ('SK', 24), ('SL', null), ('SM', 27), ('SN', null), ('SO', 23), ('SR', null), ('SS', null),
  ('ST', 25), ('SV', 28), ('SX', null), ('SY', null), ('SZ', null), ('TC', null), ('TD', null), ('TF', null),
  ('TG', null), ('TH', null), ('TJ', null), ('TK', null), ('TL', 23), ('TM', null), ('TN', 24), ('TO', null),
  ('TR', 26), ('TT', null), ('TV', null), ('TW', null), ('TZ', null), ('UA', 29), ('UG', null), ('UM', null),
  ('US', null), ('UY', null), ('UZ', null), ('VA', 22), ('VC', null), ('VE', null), ('VG', 24), ('VI', null),
  ('VN', null), ('VU', null), ('WF', null), ('WS', null), ('YE', 30), ('YT', null), ('ZA', null), ('ZM', null),
  ('ZW', null), ('XK', 20);

-- Benchmark data only: check digits of a German IBAN (18-digit BBAN) in bigint arithmetic: the
-- BBAN mod 97, then 'DE00' as digits (131400) appended; 98 minus the remainder.
create or replace temp macro de_check(bban) as lpad((98 - (((substr(bban, 1, 15)::bigint
  % 97) * 1000 + substr(bban, 16, 3)::bigint) % 97 * 1000000 + 131400) % 97)::varchar, 2, '0')

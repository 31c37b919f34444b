-- Test fixtures only: the cheaper validation macros against the expressions they replaced, on each
-- value of $values (a JSON array of text); every column but s must be true.
select s,
  rw_clean(s) is not distinct from nullif(trim(s, e' \t\r\n'), '') as clean,
  rw_account(s) is not distinct from (case
    when contains(nullif(trim(s, e' \t\r\n'), ''), ' ')
      and regexp_full_match(upper(replace(nullif(trim(s, e' \t\r\n'), ''), ' ', '')),
        '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}')
    then upper(replace(nullif(trim(s, e' \t\r\n'), ''), ' ', ''))
    else nullif(trim(s, e' \t\r\n'), '') end) as account,
  rw_bic_shaped(s) is not distinct from
    regexp_full_match(s, '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?') as bic,
  rw_iban_shaped(s) is not distinct from
    regexp_full_match(s, '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}') as iban,
  rw_iban_bban_digits(s) is not distinct from
    regexp_full_match(substr(s, 5), '[0-9]+') as bban,
  rw_hs_ok(s) is not distinct from (regexp_full_match(s, '[0-9][0-9.]*[0-9]')
    and length(replace(s, '.', '')) between 4 and 10) as hs
from (select unnest(from_json($values, '["VARCHAR"]')) as s)

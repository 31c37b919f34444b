-- The kinds of value (values-create.sql) of which some value changes in clean-up (white space at
-- either end, empty, lower-case codes, an IBAN written with spaces): fields of these kinds are
-- cleaned row by row (staging.ts), the others are already clean as read.
create or replace temp table stg_unclean as
select distinct kind
from stg_values
where v is distinct from case kind
    when 'account' then rw_account(v)
    when 'hs' then rw_clean(v)
    else rw_code(v)
  end

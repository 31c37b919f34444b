-- stg_looked (see looked-create.sql) for a file with nothing to look up: no value breaks a rule,
-- no tx_id is used twice or was landed before (lookups.sql counted none). The same columns without
-- the joins, which cost about 15 % of the landing insert's CPU even against empty tables.
create or replace temp view stg_looked as
select
  s.*,
  null::varchar as currency_fault,
  2 as minor_units,
  null::varchar as debtor_iban_fault,
  null::varchar as creditor_iban_fault,
  false as debtor_bic_bad,
  false as creditor_bic_bad,
  false as debtor_country_bad,
  false as creditor_country_bad,
  false as hs_bad,
  null::bigint as dup_first_row,
  false as already_landed
from stg s

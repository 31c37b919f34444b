-- The distinct values of one file's code-like fields, as read (before clean-up), by kind: accounts,
-- banks, countries (debtor and creditor alike), currencies and HS codes. A file holds few of each
-- compared with its rows, so faults-create.sql checks each value once, and staging.ts cleans a
-- field row by row only when some value of its kind needs it. (A statement of its own: checks
-- written over a DISTINCT in the same statement were pushed below it and ran on every row.)
create or replace temp table stg_values as
    select 'account' as kind, v from (
      select debtor_account as v from stg_in union select creditor_account from stg_in)
    where v is not null
  union all
    select 'bank', v from (select debtor_bank as v from stg_in union select creditor_bank from stg_in)
    where v is not null
  union all
    select 'country', v from (
      select debtor_country as v from stg_in union select creditor_country from stg_in)
    where v is not null
  union all
    select 'currency', v from (select distinct currency as v from stg_in) where v is not null
  union all
    select 'hs', v from (select distinct hs_code as v from stg_in) where v is not null

-- The distinct accounts of one file, for fault-ibans.sql. A statement of its own: checks written
-- over the DISTINCT in one statement ran about 1.7 times slower.
create or replace temp table stg_accounts as
    select debtor_account as account from stg
    union
    select creditor_account from stg

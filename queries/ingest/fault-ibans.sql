-- IBAN checks once per distinct account (accounts repeat across many transfers): the accounts
-- shaped like an IBAN of a country that issues IBANs, with a wrong length or check digits.
create or replace temp table stg_bad_iban as
    select a.account, case when length(a.account) <> k.iban_length then 'length' else 'check' end as fault
    from stg_accounts a
    join ref_country k on k.code = substr(a.account, 1, 2) and k.iban_length is not null
    where rw_iban_shaped(a.account)
      and (length(a.account) <> k.iban_length or not rw_iban_ok(a.account))

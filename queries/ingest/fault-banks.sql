-- BICs are checked once per distinct bank of the file (a file names few banks): the banks that are
-- not shaped like a BIC or whose country letters are no ISO 3166 country.
create or replace temp table stg_bad_bic as
    select b.bank
    from (
      select debtor_bank as bank from stg
      union
      select creditor_bank from stg
    ) b
    left join ref_country k on k.code = substr(b.bank, 5, 2)
    where b.bank is not null and not (rw_bic_shaped(b.bank) and k.code is not null)

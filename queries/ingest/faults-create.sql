-- Every rule of the canonical record (README "Input formats") over the staged rows of one file.
-- A row's first broken rule, in the order below, is its quarantine reason; rows with none land.
-- The rule is kept as 'reason_code:column' (cheap for millions of rows); quarantine-insert.sql
-- turns it into the plain-language reason for the few rows that broke one.
-- $now: ingest clock (ISO, UTC); $future_hours: tolerance for timestamps ahead of it.
create or replace temp table stg_fault as
with
  parsed as (
    select
      -- only the fields the rules read (names, purpose and extra stay out of the joins)
      s.source_row, s.tx_id, s.ts, s.amount, s.currency, s.debtor_account, s.creditor_account,
      s.debtor_bank, s.creditor_bank, s.debtor_country, s.creditor_country, s.hs_code,
      try_cast(s.ts as timestamptz) as ts_utc,
      regexp_full_match(s.amount, '[+-]?[0-9]+(\.[0-9]+)?') as amount_is_number,
      length(rtrim(split_part(s.amount, '.', 2), '0')) as amount_decimals,
      length(split_part(ltrim(s.amount, '+-'), '.', 1)) as amount_digits,
      c.minor_units,
      di.fault as debtor_iban_fault,
      ci.fault as creditor_iban_fault,
      -- BIC (ISO 9362): 4 letters, a country, 2 letters or digits, an optional branch of 3
      regexp_full_match(s.debtor_bank, '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?')
        and dbc.code is not null as debtor_bic_ok,
      regexp_full_match(s.creditor_bank, '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?')
        and cbc.code is not null as creditor_bic_ok,
      dk.code is not null as debtor_country_ok,
      ck.code is not null as creditor_country_ok,
      d.first_row as dup_first_row,
      seen.tx_id is not null as already_landed
    from stg s
    left join ref_currency c on c.code = s.currency
    left join stg_bad_iban di on di.account = s.debtor_account
    left join stg_bad_iban ci on ci.account = s.creditor_account
    left join ref_country dbc on dbc.code = substr(s.debtor_bank, 5, 2)
    left join ref_country cbc on cbc.code = substr(s.creditor_bank, 5, 2)
    left join ref_country dk on dk.code = s.debtor_country
    left join ref_country ck on ck.code = s.creditor_country
    left join stg_dup d on d.tx_id = s.tx_id
    left join stg_seen seen on seen.tx_id = s.tx_id
  ),
  checked as (
    select
      source_row,
      case
        when tx_id is null then 'missing_field:tx_id'
        when ts is null then 'missing_field:ts'
        when amount is null then 'missing_field:amount'
        when currency is null then 'missing_field:currency'
        when debtor_account is null then 'missing_field:debtor_account'
        when creditor_account is null then 'missing_field:creditor_account'
        when ts_utc is null then 'bad_timestamp:ts'
        when ts_utc > $now::timestamptz + to_hours($future_hours::bigint) then 'future_timestamp:ts'
        when not amount_is_number then 'bad_amount:amount'
        -- ≤ 0: a minus sign, or no digit other than 0 (a text test: casting is slow on millions)
        when amount like '-%' or regexp_full_match(amount, '[+]?0*(\.0*)?')
          then 'nonpositive_amount:amount'
        when amount_digits > 16 then 'amount_too_large:amount'
        when amount_decimals > least(coalesce(minor_units, 2), 2) then 'amount_scale:amount'
        when minor_units is null then 'unknown_currency:currency'
        when debtor_iban_fault = 'length' then 'bad_iban:debtor_account:length'
        when debtor_iban_fault = 'check' then 'bad_iban:debtor_account'
        when creditor_iban_fault = 'length' then 'bad_iban:creditor_account:length'
        when creditor_iban_fault = 'check' then 'bad_iban:creditor_account'
        when debtor_account = creditor_account then 'same_account:creditor_account'
        when debtor_bank is not null and not debtor_bic_ok then 'bad_bic:debtor_bank'
        when creditor_bank is not null and not creditor_bic_ok then 'bad_bic:creditor_bank'
        when debtor_country is not null and not debtor_country_ok then 'unknown_country:debtor_country'
        when creditor_country is not null and not creditor_country_ok
          then 'unknown_country:creditor_country'
        when hs_code is not null and not (
            regexp_full_match(hs_code, '[0-9][0-9.]*[0-9]')
            and length(replace(hs_code, '.', '')) between 4 and 10) then 'bad_hs_code:hs_code'
        when source_row > dup_first_row then 'duplicate_tx_id:tx_id:' || dup_first_row
        when already_landed then 'tx_id_exists:tx_id'
      end as rule
    from parsed
  )
select source_row, rule
from checked
where rule is not null

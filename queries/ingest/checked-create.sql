-- Every rule of the canonical record (README "Input formats") over the staged rows of one file, as
-- a view: payments-insert.sql lands the rows without a rule, quarantine-insert.sql keeps the others.
-- A row's first broken rule, in the order below, is its quarantine reason ('reason_code:column',
-- turned into plain language by quarantine-insert.sql). What the rules look up for a row (faults
-- of its values, an earlier row with its tx_id, its tx_id landed before) comes from stg_looked
-- (looked-create.sql, or looked-clean-create.sql for a file with nothing to look up).
--
-- `ok` is a quick test of the same rules that implies `rule is null` (a test holds the two against
-- each other on generated rows): `rule` is only worked out for the few rows the quick test does not
-- pass (a '+' sign, trailing zeros, a broken row …). `random() >= 0` (always true) marks `ok` as
-- volatile, so that DuckDB filters on it where it is computed: without it the filter was pushed
-- below the clean-up and evaluated every cleaned field a second time.
create or replace temp view stg_checked as
with
  looked as (
    select
      s.*,
      try_cast(s.ts as timestamptz) as ts_v,
      try_cast(s.amount as decimal(18, 2)) as amount_v,
      p.ts_limit
    from stg_looked s
    cross join stg_params p
  ),
  quick as (
    select
      *,
      tx_id is not null and ts is not null and amount is not null and currency is not null
        and debtor_account is not null and creditor_account is not null
        and rw_ts_shaped(ts) and ts_v <= ts_limit
        -- 1 to 16 integer digits, at most 2 decimals, a currency that allows 2, and not zero
        and regexp_full_match(amount, '[0-9]{1,16}(\.[0-9]{1,2})?') and currency_fault is null
        and amount_v > 0
        and debtor_iban_fault is null and creditor_iban_fault is null
        and debtor_account <> creditor_account
        and not debtor_bic_bad and not creditor_bic_bad
        and not debtor_country_bad and not creditor_country_bad
        and not hs_bad
        and (dup_first_row is null or source_row <= dup_first_row)
        and not already_landed
        and random() >= 0 as ok
    from looked
  )
select
  *,
  case
    when ok then null
    when tx_id is null then 'missing_field:tx_id'
    when ts is null then 'missing_field:ts'
    when amount is null then 'missing_field:amount'
    when currency is null then 'missing_field:currency'
    when debtor_account is null then 'missing_field:debtor_account'
    when creditor_account is null then 'missing_field:creditor_account'
    -- ISO 8601 only: DuckDB's cast also reads 'epoch', 'infinity' and '-infinity'
    when not rw_ts_shaped(ts) or not isfinite(ts_v) or ts_v is null then 'bad_timestamp:ts'
    when ts_v > ts_limit then 'future_timestamp:ts'
    when not regexp_full_match(amount, '[+-]?[0-9]+(\.[0-9]+)?') then 'bad_amount:amount'
    -- ≤ 0: a minus sign, or no digit other than 0 (a text test: casting is slow on millions)
    when amount like '-%' or regexp_full_match(amount, '[+]?0*(\.0*)?')
      then 'nonpositive_amount:amount'
    when length(split_part(ltrim(amount, '+-'), '.', 1)) > 16 then 'amount_too_large:amount'
    when length(rtrim(split_part(amount, '.', 2), '0')) > least(coalesce(minor_units, 2), 2)
      then 'amount_scale:amount'
    when minor_units is null then 'unknown_currency:currency'
    when debtor_iban_fault = 'length' then 'bad_iban:debtor_account:length'
    when debtor_iban_fault = 'check' then 'bad_iban:debtor_account'
    when creditor_iban_fault = 'length' then 'bad_iban:creditor_account:length'
    when creditor_iban_fault = 'check' then 'bad_iban:creditor_account'
    when debtor_account = creditor_account then 'same_account:creditor_account'
    when debtor_bic_bad then 'bad_bic:debtor_bank'
    when creditor_bic_bad then 'bad_bic:creditor_bank'
    when debtor_country_bad then 'unknown_country:debtor_country'
    when creditor_country_bad then 'unknown_country:creditor_country'
    when hs_bad then 'bad_hs_code:hs_code'
    when source_row > dup_first_row then 'duplicate_tx_id:tx_id:' || dup_first_row
    when already_landed then 'tx_id_exists:tx_id'
  end as rule
from quick

-- Every rule of the canonical record (README "Input formats") over the staged rows of one file, as
-- a view: payments-insert.sql lands the rows without a rule, quarantine-insert.sql keeps the others.
-- A row's first broken rule, in the order below, is its quarantine reason ('reason_code:column',
-- turned into plain language by quarantine-insert.sql). Rules on a field's value alone (IBAN, BIC,
-- country, currency, HS code) were judged once per distinct value: stg_faults holds the values
-- that break one, and is empty for a clean file.
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
      p.ts_limit,
      cur.fault as currency_fault,
      -- decimals the currency allows, as far as ringwatch stores them (≤ 2); null: unknown currency
      case cur.fault when 'unknown' then null when 'odd' then cur.minor_units else 2 end
        as minor_units,
      di.fault as debtor_iban_fault,
      ci.fault as creditor_iban_fault,
      dbb.fault is not null as debtor_bic_bad,
      cbb.fault is not null as creditor_bic_bad,
      dk.fault is not null as debtor_country_bad,
      ck.fault is not null as creditor_country_bad,
      hs.fault is not null as hs_bad,
      d.first_row as dup_first_row,
      seen.tx_id is not null as already_landed
    from stg s
    cross join stg_params p
    left join stg_faults cur on cur.kind = 'currency' and cur.value = s.currency
    left join stg_faults di on di.kind = 'account' and di.value = s.debtor_account
    left join stg_faults ci on ci.kind = 'account' and ci.value = s.creditor_account
    left join stg_faults dbb on dbb.kind = 'bank' and dbb.value = s.debtor_bank
    left join stg_faults cbb on cbb.kind = 'bank' and cbb.value = s.creditor_bank
    left join stg_faults dk on dk.kind = 'country' and dk.value = s.debtor_country
    left join stg_faults ck on ck.kind = 'country' and ck.value = s.creditor_country
    left join stg_faults hs on hs.kind = 'hs' and hs.value = s.hs_code
    left join stg_dup d on d.tx_id = s.tx_id
    left join stg_seen seen on seen.tx_id = s.tx_id
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

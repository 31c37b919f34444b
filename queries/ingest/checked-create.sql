-- Every rule of the canonical record (README "Input formats") over the staged rows of one file, as
-- a view: payments-insert.sql lands the rows without a rule, quarantine-insert.sql keeps the others.
-- A row's first broken rule, in the order below, is its quarantine reason ('reason_code:column',
-- turned into plain language by quarantine-insert.sql).
--
-- `ok` is a quick test of the same rules that implies `rule is null` (a test holds the two against
-- each other on generated rows): the insert reads `ok or rule is null`, so the full rule only runs
-- on the few rows the quick test does not pass (a '+' sign, trailing zeros, a broken row …).
create or replace temp view stg_checked as
with
  looked as (
    select
      s.*,
      p.ts_limit,
      c.minor_units,
      di.fault as debtor_iban_fault,
      ci.fault as creditor_iban_fault,
      dbb.bank is not null as debtor_bic_bad,
      cbb.bank is not null as creditor_bic_bad,
      dk.code is not null as debtor_country_ok,
      ck.code is not null as creditor_country_ok,
      d.first_row as dup_first_row,
      seen.tx_id is not null as already_landed
    from stg s
    cross join stg_params p
    left join ref_currency c on c.code = s.currency
    left join stg_bad_iban di on di.account = s.debtor_account
    left join stg_bad_iban ci on ci.account = s.creditor_account
    left join stg_bad_bic dbb on dbb.bank = s.debtor_bank
    left join stg_bad_bic cbb on cbb.bank = s.creditor_bank
    left join ref_country dk on dk.code = s.debtor_country
    left join ref_country ck on ck.code = s.creditor_country
    left join stg_dup d on d.tx_id = s.tx_id
    left join stg_seen seen on seen.tx_id = s.tx_id
  )
select
  *,
  tx_id is not null and ts is not null and amount is not null and currency is not null
    and debtor_account is not null and creditor_account is not null
    and rw_ts_shaped(ts) and try_cast(ts as timestamptz) <= ts_limit
    -- digits and one inner dot, at most 16 integer digits, no more decimals than the currency's
    -- (≤ 2; least() skips nulls, hence the test for a known currency first), and not zero
    and not amount glob '*[!0-9.]*' and not starts_with(amount, '.')
    and not ends_with(amount, '.')
    and (length(amount) <= 16 or strpos(amount, '.') between 1 and 17)
    and minor_units is not null
    and (strpos(amount, '.') = 0 or length(amount) - strpos(amount, '.') <= least(minor_units, 2))
    and try_cast(amount as decimal(18, 2)) > 0
    and debtor_iban_fault is null and creditor_iban_fault is null
    and debtor_account <> creditor_account
    and not debtor_bic_bad and not creditor_bic_bad
    and (debtor_country is null or debtor_country_ok)
    and (creditor_country is null or creditor_country_ok)
    and (hs_code is null or rw_hs_ok(hs_code))
    and (dup_first_row is null or source_row <= dup_first_row)
    and not already_landed as ok,
  case
    when tx_id is null then 'missing_field:tx_id'
    when ts is null then 'missing_field:ts'
    when amount is null then 'missing_field:amount'
    when currency is null then 'missing_field:currency'
    when debtor_account is null then 'missing_field:debtor_account'
    when creditor_account is null then 'missing_field:creditor_account'
    -- ISO 8601 only: DuckDB's cast also reads 'epoch', 'infinity' and '-infinity'
    when not rw_ts_shaped(ts) or not isfinite(try_cast(ts as timestamptz))
      or try_cast(ts as timestamptz) is null then 'bad_timestamp:ts'
    when try_cast(ts as timestamptz) > ts_limit then 'future_timestamp:ts'
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
    when debtor_country is not null and not debtor_country_ok then 'unknown_country:debtor_country'
    when creditor_country is not null and not creditor_country_ok
      then 'unknown_country:creditor_country'
    when hs_code is not null and not rw_hs_ok(hs_code) then 'bad_hs_code:hs_code'
    when source_row > dup_first_row then 'duplicate_tx_id:tx_id:' || dup_first_row
    when already_landed then 'tx_id_exists:tx_id'
  end as rule
from looked

-- Quarantines the broken rows of one file: rule faults (reason in plain language, the cleaned row
-- as JSON) and rows that could not be read into fields (with the raw line).
insert into quarantine
with
  fault as (
    select
      split_part(f.rule, ':', 1) as reason_code,
      split_part(f.rule, ':', 2) as column_name,
      split_part(f.rule, ':', 3) as detail,
      f.* exclude (minor_units),
      k.iban_length,
      cur.minor_units
    -- `ok is not true`: the quick test first (null when a cast fails), the full rule after it
    from stg_checked f
    left join ref_currency cur on cur.code = f.currency
    -- the country of an IBAN-length fault's account
    left join ref_country k on k.code = substr(
      case split_part(f.rule, ':', 2)
        when 'debtor_account' then f.debtor_account
        else f.creditor_account
      end, 1, 2)
    where f.ok is not true and f.rule is not null
  ),
  described as (
    select
      *,
      case column_name
        when 'tx_id' then tx_id when 'ts' then ts when 'amount' then amount
        when 'currency' then currency when 'debtor_account' then debtor_account
        when 'creditor_account' then creditor_account when 'debtor_bank' then debtor_bank
        when 'creditor_bank' then creditor_bank when 'debtor_country' then debtor_country
        when 'creditor_country' then creditor_country when 'hs_code' then hs_code
      end as raw_value
    from fault
  )
select
  $file_id,
  $path,
  source_row,
  column_name,
  raw_value,
  reason_code,
  case reason_code
    when 'missing_field' then 'required field ' || column_name || ' is empty'
    when 'bad_timestamp' then 'timestamp is not ISO 8601 (e.g. 2024-05-01T10:15:00Z)'
    when 'future_timestamp' then 'timestamp is more than ' || $future_hours || ' hours in the future'
    when 'bad_amount' then 'amount is not a plain decimal number (digits, optional . and decimals)'
    when 'nonpositive_amount' then 'amount must be > 0'
    when 'amount_too_large' then 'amount has more than 16 integer digits'
    when 'amount_scale' then
      'amount has ' || length(rtrim(split_part(raw_value, '.', 2), '0')) || ' decimals; '
        || case
          -- an unknown currency: its rule comes after this one, at most 2 decimals are stored
          when minor_units is null then 'at most 2 are stored (' || currency || ' is no ISO 4217 code)'
          else currency || ' allows ' || minor_units
            || case when minor_units > 2 then ' but ringwatch stores 2' else '' end
        end
    when 'unknown_currency' then 'not an ISO 4217 currency code'
    when 'bad_iban' then
      case detail
        when 'length' then
          'IBAN has ' || length(raw_value) || ' characters; ' || substr(raw_value, 1, 2)
            || ' IBANs have ' || iban_length
        else 'IBAN check digits are wrong (mod 97)'
      end
    when 'same_account' then 'debtor and creditor account are the same'
    when 'bad_bic' then 'not a BIC (ISO 9362: 4 letters, country, 2 characters, optional 3)'
    when 'unknown_country' then 'not an ISO 3166-1 alpha-2 country code'
    when 'bad_hs_code' then 'HS code must have 4 to 10 digits (dots allowed)'
    when 'duplicate_tx_id' then 'tx_id already used by row ' || detail || ' of this file'
    when 'tx_id_exists' then 'tx_id was already landed from an earlier file'
  end,
  to_json({
    'tx_id': tx_id, 'ts': ts, 'amount': amount, 'currency': currency,
    'debtor_account': debtor_account, 'debtor_name': debtor_name,
    'debtor_country': debtor_country, 'debtor_bank': debtor_bank,
    'creditor_account': creditor_account, 'creditor_name': creditor_name,
    'creditor_country': creditor_country, 'creditor_bank': creditor_bank,
    'purpose': purpose, 'hs_code': hs_code, 'extra': extra::json
  })::varchar
from described
union all
select $file_id, $path, source_row, column_name, raw_value, reason_code, reason, raw_row
from stg_rejects

-- Every rule of the canonical record (README "Input formats") over the staged rows of one file.
-- A row's first broken rule, in the order below, is its quarantine reason; rows with none land.
-- $now: ingest clock (ISO, UTC); $future_hours: tolerance for timestamps ahead of it.
create or replace temp table stg_fault as
with
  -- tx_ids seen more than once in this file: the first row keeps the id, later ones are duplicates
  dup as (
    select tx_id, min(source_row) as first_row
    from stg
    where tx_id is not null
    group by tx_id
    having count(*) > 1
  ),
  -- tx_ids already landed from an earlier file
  seen as (
    select distinct s.tx_id
    from stg s
    semi join payments p on p.tx_id = s.tx_id
  ),
  parsed as (
    select
      s.*,
      try_cast(s.ts as timestamptz) as ts_utc,
      regexp_full_match(s.amount, '[+-]?[0-9]+(\.[0-9]+)?') as amount_is_number,
      length(rtrim(split_part(s.amount, '.', 2), '0')) as amount_decimals,
      c.minor_units,
      rw_iban_shaped(s.debtor_account) and dc.iban_length is not null as debtor_is_iban,
      dc.iban_length as debtor_iban_length,
      rw_iban_shaped(s.creditor_account) and cc.iban_length is not null as creditor_is_iban,
      cc.iban_length as creditor_iban_length,
      d.first_row as dup_first_row,
      seen.tx_id is not null as already_landed
    from stg s
    left join ref_currency c on c.code = s.currency
    left join ref_country dc on dc.code = substr(s.debtor_account, 1, 2)
    left join ref_country cc on cc.code = substr(s.creditor_account, 1, 2)
    left join dup d on d.tx_id = s.tx_id
    left join seen on seen.tx_id = s.tx_id
  ),
  checked as (
    select
      source_row,
      list_filter([
        case when tx_id is null then
          {'c': 'tx_id', 'v': null, 'code': 'missing_field', 'msg': 'required field tx_id is empty'} end,
        case when ts is null then
          {'c': 'ts', 'v': null, 'code': 'missing_field', 'msg': 'required field ts is empty'} end,
        case when amount is null then
          {'c': 'amount', 'v': null, 'code': 'missing_field', 'msg': 'required field amount is empty'} end,
        case when currency is null then
          {'c': 'currency', 'v': null, 'code': 'missing_field', 'msg': 'required field currency is empty'} end,
        case when debtor_account is null then
          {'c': 'debtor_account', 'v': null, 'code': 'missing_field',
           'msg': 'required field debtor_account is empty'} end,
        case when creditor_account is null then
          {'c': 'creditor_account', 'v': null, 'code': 'missing_field',
           'msg': 'required field creditor_account is empty'} end,
        case when ts is not null and ts_utc is null then
          {'c': 'ts', 'v': ts, 'code': 'bad_timestamp',
           'msg': 'timestamp is not ISO 8601 (e.g. 2024-05-01T10:15:00Z)'} end,
        case when ts_utc > $now::timestamptz + to_hours($future_hours::bigint) then
          {'c': 'ts', 'v': ts, 'code': 'future_timestamp',
           'msg': 'timestamp is more than ' || $future_hours || ' hours in the future'} end,
        case when amount is not null and not amount_is_number then
          {'c': 'amount', 'v': amount, 'code': 'bad_amount',
           'msg': 'amount is not a plain decimal number (digits, optional . and decimals)'} end,
        case when amount_is_number and amount::decimal(38, 10) <= 0 then
          {'c': 'amount', 'v': amount, 'code': 'nonpositive_amount', 'msg': 'amount must be > 0'} end,
        case when amount_is_number and length(split_part(ltrim(amount, '+-'), '.', 1)) > 16 then
          {'c': 'amount', 'v': amount, 'code': 'amount_too_large',
           'msg': 'amount has more than 16 integer digits'} end,
        case when amount_is_number and amount_decimals > least(coalesce(minor_units, 2), 2) then
          {'c': 'amount', 'v': amount, 'code': 'amount_scale',
           'msg': 'amount has ' || amount_decimals || ' decimals; ' || coalesce(currency, '?') ||
             ' allows ' || coalesce(minor_units, 2) ||
             case when minor_units > 2 then ' but ringwatch stores 2' else '' end} end,
        case when currency is not null and minor_units is null then
          {'c': 'currency', 'v': currency, 'code': 'unknown_currency',
           'msg': 'not an ISO 4217 currency code'} end,
        case when debtor_is_iban and length(debtor_account) <> debtor_iban_length then
          {'c': 'debtor_account', 'v': debtor_account, 'code': 'bad_iban',
           'msg': 'IBAN has ' || length(debtor_account) || ' characters; ' ||
             substr(debtor_account, 1, 2) || ' IBANs have ' || debtor_iban_length} end,
        case when debtor_is_iban and rw_mod97(rw_iban_digits(debtor_account)) <> 1 then
          {'c': 'debtor_account', 'v': debtor_account, 'code': 'bad_iban',
           'msg': 'IBAN check digits are wrong (mod 97)'} end,
        case when creditor_is_iban and length(creditor_account) <> creditor_iban_length then
          {'c': 'creditor_account', 'v': creditor_account, 'code': 'bad_iban',
           'msg': 'IBAN has ' || length(creditor_account) || ' characters; ' ||
             substr(creditor_account, 1, 2) || ' IBANs have ' || creditor_iban_length} end,
        case when creditor_is_iban and rw_mod97(rw_iban_digits(creditor_account)) <> 1 then
          {'c': 'creditor_account', 'v': creditor_account, 'code': 'bad_iban',
           'msg': 'IBAN check digits are wrong (mod 97)'} end,
        case when debtor_account = creditor_account then
          {'c': 'creditor_account', 'v': creditor_account, 'code': 'same_account',
           'msg': 'debtor and creditor account are the same'} end,
        case when debtor_bank is not null and not (
            regexp_full_match(debtor_bank, '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?')
            and substr(debtor_bank, 5, 2) in (select code from ref_country)) then
          {'c': 'debtor_bank', 'v': debtor_bank, 'code': 'bad_bic',
           'msg': 'not a BIC (ISO 9362: 4 letters, country, 2 characters, optional 3)'} end,
        case when creditor_bank is not null and not (
            regexp_full_match(creditor_bank, '[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?')
            and substr(creditor_bank, 5, 2) in (select code from ref_country)) then
          {'c': 'creditor_bank', 'v': creditor_bank, 'code': 'bad_bic',
           'msg': 'not a BIC (ISO 9362: 4 letters, country, 2 characters, optional 3)'} end,
        case when debtor_country is not null
            and debtor_country not in (select code from ref_country) then
          {'c': 'debtor_country', 'v': debtor_country, 'code': 'unknown_country',
           'msg': 'not an ISO 3166-1 alpha-2 country code'} end,
        case when creditor_country is not null
            and creditor_country not in (select code from ref_country) then
          {'c': 'creditor_country', 'v': creditor_country, 'code': 'unknown_country',
           'msg': 'not an ISO 3166-1 alpha-2 country code'} end,
        case when hs_code is not null and not (
            regexp_full_match(hs_code, '[0-9][0-9.]*[0-9]')
            and length(replace(hs_code, '.', '')) between 4 and 10) then
          {'c': 'hs_code', 'v': hs_code, 'code': 'bad_hs_code',
           'msg': 'HS code must have 4 to 10 digits (dots allowed)'} end,
        case when dup_first_row is not null and source_row > dup_first_row then
          {'c': 'tx_id', 'v': tx_id, 'code': 'duplicate_tx_id',
           'msg': 'tx_id already used by row ' || dup_first_row || ' of this file'} end,
        case when already_landed then
          {'c': 'tx_id', 'v': tx_id, 'code': 'tx_id_exists',
           'msg': 'tx_id was already landed from an earlier file'} end
      ], f -> f is not null)[1] as fault
    from parsed
  )
select source_row, fault.c as column_name, fault.v as raw_value, fault.code as reason_code,
  fault.msg as reason
from checked
where fault is not null

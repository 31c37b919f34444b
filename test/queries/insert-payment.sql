-- Test fixtures only: one payment.
insert into payments (tx_id, ts, amount, currency, debtor_account, debtor_name, debtor_country,
  debtor_bank, creditor_account, creditor_name, creditor_country, creditor_bank, purpose, hs_code,
  extra, file_id, source_row)
values ($tx_id, $ts::timestamp, $amount::decimal(18, 2), $currency, $debtor_account,
  $debtor_name::varchar, $debtor_country::varchar, null, $creditor_account, $creditor_name::varchar,
  $creditor_country::varchar, null, $purpose::varchar, $hs_code::varchar, null, $file_id,
  $source_row)

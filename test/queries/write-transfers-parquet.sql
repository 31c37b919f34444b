-- Test fixtures only: a Parquet file of $n transfers with ids $prefix0, $prefix1, … and an integer
-- column batch_no = 42 that is not a transfer field.
copy (
  select $prefix || i as tx_id, '2024-05-01T10:00:00Z' as ts, '5.00' as amount, 'EUR' as currency,
    'A' || i as debtor_account, 'B' || i as creditor_account, 42::integer as batch_no
  from range($n::integer) t(i)
) to $path (format parquet)

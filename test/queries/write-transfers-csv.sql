-- Test fixtures only: a CSV file of $n transfers with ids K0, K1, …, on 5,000 debtors and 7,000
-- creditors.
copy (
  select 'K' || i as tx_id, '2024-05-01T10:00:00Z' as ts, (1 + i % 1000)::varchar || '.25' as amount,
    'EUR' as currency, 'ACC' || (i % 5000) as debtor_account,
    'ACC' || (5000 + i % 7000) as creditor_account, 'goods ' || i as purpose
  from range($n::integer) t(i)
) to $path (header)

-- Benchmark data only: $n canonical transfers as text (valid IBANs by de_check, BICs, HS codes; all
-- unique tx_ids), the rows bench:ingest writes as CSV, Parquet and Arrow files.
create table gen as
  with r as (
    select i,
      '37040044' || lpad((i % 200000)::varchar, 10, '0') as bban_d,
      '50010517' || lpad(((i * 7 + 13) % 200000)::varchar, 10, '0') as bban_c
    from range($n) t(i)
  )
  select
    'TX' || lpad(i::varchar, 11, '0') as tx_id,
    strftime(timestamp '2024-01-01' + to_microseconds(i * 2503), '%Y-%m-%dT%H:%M:%S.%fZ') as ts,
    ((i % 99991) + 1)::varchar || '.' || lpad((i % 100)::varchar, 2, '0') as amount,
    case when i % 10 = 0 then 'USD' else 'EUR' end as currency,
    'DE' || de_check(bban_d) || bban_d as debtor_account,
    'Company ' || (i % 200000) as debtor_name,
    'DE' as debtor_country,
    'COBADEFFXXX' as debtor_bank,
    'DE' || de_check(bban_c) || bban_c as creditor_account,
    'Trader ' || ((i * 7 + 13) % 200000) as creditor_name,
    case when i % 5 = 0 then 'AE' else 'DE' end as creditor_country,
    'DEUTDEFF' as creditor_bank,
    case when i % 3 = 0 then 'machine tool parts' else 'invoice ' || i end as purpose,
    case when i % 4 = 0 then '8457.10' else null end as hs_code
  from r

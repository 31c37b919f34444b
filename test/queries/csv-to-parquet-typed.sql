-- Test fixtures only: a CSV file of transfers written again as Parquet with typed ts and amount.
copy (
  select * replace (ts::timestamptz as ts, amount::decimal(18, 2) as amount)
  from read_csv($csv, all_varchar = true)
) to $parquet (format parquet)

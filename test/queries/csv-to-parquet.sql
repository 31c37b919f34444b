-- Test fixtures only: a CSV file written again as Parquet, every column as text.
copy (select * from read_csv($csv, all_varchar = true)) to $parquet (format parquet)

-- Test fixtures only: the transfers of a Parquet file, in file order.
select tx_id, amount::varchar as amount, purpose from read_parquet($path)

-- Benchmark floor: DuckDB's Parquet reader straight into the table.
insert into p select * from read_parquet($f)

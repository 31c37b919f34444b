-- Benchmark floor: DuckDB's CSV reader straight into the table.
insert into p select * from read_csv($f)

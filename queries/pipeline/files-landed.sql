-- Every landed input file: what a scan has seen when it begins.
select file_id from ingest_files order by file_id

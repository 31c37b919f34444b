-- A cheap fingerprint of the payments table: landed files change it.
select count(*) as n, (select count(*) from ingest_files) as files from payments

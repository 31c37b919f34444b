-- Test fixtures only: the rows of the tables a test checks were (or were not) written.
select
  (select count(*) from payments)::integer as payments,
  (select count(*) from quarantine)::integer as quarantine,
  (select count(*) from ingest_files)::integer as ingest_files,
  (select count(*) from runs)::integer as runs,
  (select count(*) from alerts)::integer as alerts,
  (select count(*) from alert_versions)::integer as alert_versions,
  (select count(*) from alert_transfers)::integer as alert_transfers,
  (select count(*) from audit_log)::integer as audit_log

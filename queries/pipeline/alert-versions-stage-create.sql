-- The staged batch of alert history rows of a scan (alert-versions-insert-staged.sql).
create or replace temp table alert_versions_staged (
  alert_id varchar, version integer, score double, reasons varchar, tx_count integer, note varchar
)

-- The staged batch of a scan's seedable findings (scan-findings-insert.sql): detector, seed
-- account, the finding as JSON text kept as written.
create or replace temp table scan_findings_staged (detector varchar, seed varchar, finding varchar)

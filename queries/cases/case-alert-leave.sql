-- An alert leaves its case (unlinked by hand).
delete from case_alerts where alert_id = $alert_id and case_id = $case_id

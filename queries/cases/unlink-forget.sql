-- An alert linked by hand into a case it was once taken out of: the earlier unlink no longer holds.
delete from case_unlinks where alert_id = $alert_id and case_id = $case_id

select why from case_alerts where alert_id = $alert_id

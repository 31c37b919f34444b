select author, created_at, text from alert_notes where alert_id = $id order by created_at

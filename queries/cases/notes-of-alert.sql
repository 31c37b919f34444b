-- Notes of one alert, oldest first.
select alert_id, author, created_at, text from alert_notes where alert_id = $alert_id order by created_at, text

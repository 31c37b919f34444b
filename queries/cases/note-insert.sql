-- A note on an alert.
insert into alert_notes (alert_id, author, created_at, text) values ($alert_id, $author, $now::timestamp, $text)

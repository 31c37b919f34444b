-- An alert joins a case (or moves to it from another: an alert is in one case at most).
insert or replace into case_alerts (alert_id, case_id, joined_at, linked_by, why)
values ($alert_id, $case_id, $now::timestamp, $linked_by::varchar, $why)

-- Records that an alert was taken out of a case: scans keep the two apart.
insert into case_unlinks (alert_id, case_id, unlinked_by, unlinked_at, reason)
values ($alert_id, $case_id, $unlinked_by, $now::timestamp, $reason)

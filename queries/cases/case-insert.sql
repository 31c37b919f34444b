-- A new case.
insert into cases (id, status, assignee, proposed_by, proposed_outcome, created_by, created_at, updated_at)
values ($id, $status, $assignee::varchar, $proposed_by::varchar, $proposed_outcome::varchar, $created_by,
  $now::timestamp, $now::timestamp)

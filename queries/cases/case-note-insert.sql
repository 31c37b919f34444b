-- A note on a case.
insert into case_notes (case_id, author, created_at, text) values ($case_id, $author, $now::timestamp, $text)

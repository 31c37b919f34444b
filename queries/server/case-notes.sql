-- A case's notes, oldest first.
select author, created_at, text from case_notes where case_id = $id order by created_at, author

-- Whether a case id is taken.
select id from cases where id = $id

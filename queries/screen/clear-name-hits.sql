-- Forgets every cached name hit.
delete from name_hits

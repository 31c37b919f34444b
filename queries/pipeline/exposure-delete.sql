-- Drops the exposure rows of the given accounts (JSON array): the window's accounts no longer
-- within reach of a screened hit.
delete from account_exposure
where account in (select unnest(from_json($accounts, '["varchar"]')))

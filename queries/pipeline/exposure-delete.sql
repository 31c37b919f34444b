-- Drops the exposure rows of the window's accounts (JSON array) before the scan writes its own.
delete from account_exposure
where account in (select unnest(from_json($accounts, '["varchar"]')))

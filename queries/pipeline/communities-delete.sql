-- Drops the community rows of the given accounts (JSON array) before the scan writes its own.
delete from account_communities
where account in (select unnest(from_json($accounts, '["varchar"]')))

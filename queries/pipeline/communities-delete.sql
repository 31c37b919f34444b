-- Drops the community rows of the given accounts (JSON array): the window's accounts the scan gave
-- no community.
delete from account_communities
where account in (select unnest(from_json($accounts, '["varchar"]')))

-- Drops the community rows of the window's accounts the scan gave no community (the staged batch
-- of account-tables-stage-create.sql).
delete from account_communities
where account in (select account from account_tables_staged where community is null and in_window = 1)

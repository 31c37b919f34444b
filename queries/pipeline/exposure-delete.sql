-- Drops the exposure rows of the window's accounts no longer within reach of a screened hit (the
-- staged batch of account-tables-stage-create.sql).
delete from account_exposure
where account in (select account from account_tables_staged where hops is null and in_window = 1)

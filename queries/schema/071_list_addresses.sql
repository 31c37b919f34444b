-- List entries keep their addresses where the list has them (issue 17): OFAC add.csv, FtM `address`
-- and the Address entities an entry names, a targets.simple or plain CSV `addresses` column. One line
-- of text each; entries imported before this keep none (null).
alter table list_entries add column addresses varchar[];

-- How many lookups one file's rules have (looked-create.sql): values that break a rule, tx_ids
-- used twice in the file or landed before. 0 for a clean file.
select (select count(*) from stg_faults) + (select count(*) from stg_dup)
  + (select count(*) from stg_seen) as n

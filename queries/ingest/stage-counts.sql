-- Rows read from one file: staged rows plus rows rejected before staging.
select (select count(*) from stg) + (select count(*) from stg_rejects) as rows_read

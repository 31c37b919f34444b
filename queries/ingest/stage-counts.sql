-- Rows read from one file: staged rows plus rows rejected before staging.
select (select count(*) from stg_in) + (select count(*) from stg_rejects) as rows_read

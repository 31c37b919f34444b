-- No tx_id occurs twice in this file: the duplicates table is empty.
create or replace temp table stg_dup (tx_id varchar, first_row bigint)

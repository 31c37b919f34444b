-- tx_ids seen more than once in this file: the first row keeps the id, later ones are duplicates.
-- (Small helper tables, so that stg_checked joins the staged rows to small known inputs.)
create or replace temp table stg_dup as
    select tx_id, min(source_row) as first_row
    from stg
    where tx_id is not null
    group by tx_id
    having count(*) > 1

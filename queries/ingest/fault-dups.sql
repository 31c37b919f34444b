-- tx_ids seen more than once in this file: the first row keeps the id, later ones are duplicates.
-- Only ids whose hash fault-dup-hashes.sql found are grouped. (Small helper tables, so that
-- stg_checked joins the staged rows to small known inputs.)
create or replace temp table stg_dup as
    select tx_id, min(source_row) as first_row
    from stg
    where tx_id is not null and hash(tx_id) in (select h from stg_dup_hash)
    group by tx_id
    having count(*) > 1

-- tx_ids of this file already landed from an earlier file.
create or replace temp table stg_seen as
    -- payments probe, the file's tx_ids are built (the file is the small side of a large database)
    select distinct p.tx_id
    from payments p
    semi join stg s on s.tx_id = p.tx_id

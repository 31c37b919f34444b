-- tx_ids of this file already landed from an earlier file.
create or replace temp table stg_seen as
    select distinct s.tx_id
    from stg s
    semi join payments p on p.tx_id = s.tx_id

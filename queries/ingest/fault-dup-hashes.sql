-- A quick first look for tx_ids used more than once in this file: grouping 64-bit hashes is cheaper
-- than grouping the ids. Every duplicate id has a hash found here; a hash found here may still be
-- two different ids, which fault-dups.sql tells apart. Empty for nearly every file.
create or replace temp table stg_dup_hash as
    select hash(tx_id) as h
    from stg
    where tx_id is not null
    group by h
    having count(*) > 1

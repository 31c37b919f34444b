-- The tx_id hashes of this file that occur more than once (run when dup-hashes-count.sql found
-- some): grouping 64-bit hashes is cheaper than grouping the ids. Every duplicate id has a hash
-- found here; a hash found here may still be two different ids, which fault-dups.sql tells apart.
create or replace temp table stg_dup_hash as
    select hash(tx_id) as h
    from stg
    where tx_id is not null
    group by h
    having count(*) > 1

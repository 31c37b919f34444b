-- How many tx_id hashes of this file occur more than once (0: no duplicate ids, nothing to group).
select count(*) as n from stg_dup_hash

-- A quick first look for tx_ids used more than once in this file: 0 when its tx_ids hash to as
-- many distinct 64-bit values as there are tx_ids (no id repeats, nothing to group; a count
-- distinct measured cheaper than grouping the hashes). Otherwise fault-dup-hashes.sql and
-- fault-dups.sql find the ids. (hash(null) is a value: missing tx_ids are left out.)
select count(tx_id) - count(distinct hash(tx_id)) filter (where tx_id is not null) as n from stg

-- The currencies of the landed transfers in code order: a row's position is the currency's dense
-- id in network-edges.sql (the in-memory network index keeps one small integer per transfer).
select distinct currency from payments order by currency

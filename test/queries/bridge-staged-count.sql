-- What the staged rows hold: their number, distinct labels, and the sum of n.
select count(*)::integer as rows, count(distinct label)::integer as labels, sum(n)::bigint as total from bridge_staged

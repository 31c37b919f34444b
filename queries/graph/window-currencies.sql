-- The window's currencies in byte order; a row's position is the currency's id in the graph.
select distinct currency
from payments
where ts >= $from::timestamp and ts <= $to::timestamp
order by currency

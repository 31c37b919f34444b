select count(*) filter (where r.sanctioned) as sanctioned, count(*) filter (where r.hub) as hub
from tx_routes r join payments p on p.tx_id = r.tx_id
where p.ts >= $from::timestamp
  and p.ts <= $to::timestamp

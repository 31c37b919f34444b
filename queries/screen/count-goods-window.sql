select count(*) as flagged, count(*) filter (where mismatch) as mismatches
from tx_goods g join payments p on p.tx_id = g.tx_id
where p.ts >= $from::timestamp
  and p.ts <= $to::timestamp

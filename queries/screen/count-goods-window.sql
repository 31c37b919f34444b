select count(*) as flagged, count(*) filter (where mismatch) as mismatches
from tx_goods g join payments p on p.tx_id = g.tx_id
where p.ts >= $from::timestamp
  and p.ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)

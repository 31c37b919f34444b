select r.tx_id, r.sanctioned, r.hub, r.countries, r.sanctioned_countries, r.hub_countries
from tx_routes r
join payments p on p.tx_id = r.tx_id
where p.ts >= $from::timestamp
  and p.ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)

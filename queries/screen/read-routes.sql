select r.tx_id, r.sanctioned, r.hub, r.countries, r.sanctioned_countries, r.hub_countries
from tx_routes r
join payments p on p.tx_id = r.tx_id
where p.ts >= $from::timestamp
  and p.ts <= $to::timestamp

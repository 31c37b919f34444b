-- Earlier rows of the window's transfers are replaced by this classification.
delete from tx_routes r
using payments p
where p.tx_id = r.tx_id
  and p.ts >= $from::timestamp
  and p.ts <= $to::timestamp

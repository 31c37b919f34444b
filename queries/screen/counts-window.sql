-- Transfers in the window, for the screening summary.
select count(*) as transfers
from payments
where ts >= $from::timestamp
  and ts <= $to::timestamp

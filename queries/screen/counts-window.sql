-- Transfers in the window, for the screening summary.
select count(*) as transfers
from payments
where ts >= $from::timestamp
  and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                 else $to::timestamp + interval 1 microsecond end)

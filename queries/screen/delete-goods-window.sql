delete from tx_goods
where tx_id in (
  select tx_id from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
)

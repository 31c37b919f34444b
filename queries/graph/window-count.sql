-- How many transfers fall in the window (sizes the column arrays before reading).
select count(*) as n from payments where ts >= $from::timestamp and ts <= $to::timestamp

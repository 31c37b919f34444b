-- Transfers in the scan window [from, to).
select count(*) as n from payments where ts >= $from::timestamp and ts <= $to::timestamp

-- How many transfers fall in the window [from, to], both inclusive (graph/window.ts).
select count(*) as n from payments where ts >= $from::timestamp and ts <= $to::timestamp

-- Input files (SHA-256 of their bytes) that hold payments of the window: the alert's provenance.
select distinct file_id from payments
where ts >= $from::timestamp and ts <= $to::timestamp
order by file_id

-- Whether an incremental scan can keep the earlier scan's findings (pipeline/incremental.ts):
-- payments of files the earlier scan did not cover, inside and outside the new window, and
-- payments of the earlier window or lookback that the new window or lookback no longer holds
-- ($drop_* bounds: an empty range when nothing moved).
with covered as (select unnest(from_json($files, '["varchar"]')) as file_id),
fresh as (
  select ts from payments
  where file_id not in (select file_id from covered)
)
select
  (select count(*) from fresh where ts >= $from::timestamp and ts <= $to::timestamp) as new_in,
  (select count(*) from fresh where ts < $from::timestamp or ts > $to::timestamp) as new_out,
  (select count(*) from payments
    where (ts >= $drop_from::timestamp and ts < $drop_to::timestamp)
       or (ts >= $drop_back_from::timestamp and ts < $drop_back_to::timestamp)) as dropped

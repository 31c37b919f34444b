-- Test fixtures only: whether each timestamp text of $values (a JSON array) lands, through its epoch,
-- as the UTC wall clock a cast under the connection's TimeZone gives.
select make_timestamp(epoch_us(s::timestamptz)) = s::timestamptz::timestamp as same
from (select unnest(from_json($values, '["VARCHAR"]')) as s)

-- Test fixtures only: landed payments counted, those whose id starts with $prefix, and those whose id
-- is $prefix followed by their line less $offset (the id a generated file gave each line).
select count(*)::integer as n, count(distinct tx_id)::integer as distinct_ids,
  (count(*) filter (where starts_with(tx_id, $prefix)))::integer as prefixed,
  (count(*) filter (where tx_id = $prefix || (source_row - $offset::integer)))::integer as numbered
from payments

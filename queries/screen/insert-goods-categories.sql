-- Description categories with the HS prefixes their goods belong under: one row per prefix (a
-- generic category, with none, keeps one row with a null prefix).
insert into goods_category_codes
select $snapshot_id, r.category, r.kind, r.label, unnest(if(len(r.prefixes) = 0, [null], r.prefixes))
from (
  select unnest(from_json($rows::json,
    '[{"category":"VARCHAR","kind":"VARCHAR","label":"VARCHAR","prefixes":["VARCHAR"]}]'
  )) as r
)

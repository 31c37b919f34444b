insert into goods_codes
select $snapshot_id, r.prefix, r.tier, r.category, r.description
from (
  select unnest(from_json($rows::json,
    '[{"prefix":"VARCHAR","tier":"VARCHAR","category":"VARCHAR","description":"VARCHAR"}]'
  )) as r
)

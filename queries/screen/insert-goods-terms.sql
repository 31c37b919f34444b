insert into goods_terms
select $snapshot_id, r.term, r.lang, r.category, r.tier, r.generic
from (
  select unnest(from_json($rows::json,
    '[{"term":"VARCHAR","lang":"VARCHAR","category":"VARCHAR","tier":"VARCHAR","generic":"BOOLEAN"}]'
  )) as r
)

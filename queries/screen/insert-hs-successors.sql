insert into hs_successors
select $snapshot_id, r.hs2017, r.hs2022
from (
  select unnest(from_json($rows::json, '[{"hs2017":"VARCHAR","hs2022":"VARCHAR"}]')) as r
)

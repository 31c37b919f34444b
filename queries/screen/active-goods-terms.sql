select distinct t.term, t.category, t.tier, t.generic
from goods_terms t
join list_snapshots s on s.snapshot_id = t.snapshot_id
where s.active and s.kind = 'goods'

select g.tx_id, g.category, g.tier, g.source, g.terms, g.mismatch, g.hs_code, g.hs_prefix, g.description,
  g.declared_categories, g.hs2022, g.code_heading, g.code_category, g.mismatch_reason
from tx_goods g
join payments p on p.tx_id = g.tx_id
where p.ts >= $from::timestamp
  and p.ts <= $to::timestamp

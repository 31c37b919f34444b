-- Controlled-goods and route flags of the alert's transfers.
select t.tx_id, g.category, g.tier, g.source, g.terms, g.mismatch, g.hs_code, g.description,
  g.declared_categories, g.hs2022, g.code_heading, g.code_category, g.mismatch_reason,
  r.sanctioned, r.hub, r.countries, r.sanctioned_countries, r.hub_countries
from alert_transfers t
left join tx_goods g on g.tx_id = t.tx_id
left join tx_routes r on r.tx_id = t.tx_id
where t.alert_id = $id and (g.tx_id is not null or r.tx_id is not null)
order by t.tx_id

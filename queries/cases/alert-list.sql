-- Alerts filtered by status / typology / ids (JSON array), highest score first, with transfer ids.
with wanted as (
  select a.*
  from alerts a
  where ($status::varchar is null or a.status = $status)
    and ($typology::varchar is null or a.typology = $typology)
    and ($ids::varchar is null or list_contains(from_json($ids, '["varchar"]'), a.id))
)
select w.* replace (w.total_amount::varchar as total_amount,
    w.total_amount_base::varchar as total_amount_base, w.reasons::varchar as reasons,
    w.finding::varchar as finding, w.provenance::varchar as provenance),
  (select list(t.tx_id order by t.tx_id) from alert_transfers t where t.alert_id = w.id) as tx_ids
from wanted w
order by w.score desc, w.id
limit $limit

-- Payments of the window among the given transfer ids (JSON array).
with wanted as (select unnest(from_json($tx_ids, '["varchar"]')) as tx_id)
select tx_id, ts, amount::double as amount, currency, debtor_account, creditor_account, purpose, hs_code
from payments
where ts >= $from::timestamp and ts <= $to::timestamp
  and tx_id in (select tx_id from wanted)
order by ts, tx_id

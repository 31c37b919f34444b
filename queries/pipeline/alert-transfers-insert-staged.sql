-- Links the staged transfers to their alerts (alert-transfers-stage-create.sql), first seen by $run_id.
insert into alert_transfers (alert_id, tx_id, first_run_id)
select alert_id, unnest(from_json(tx_ids, '["varchar"]')), $run_id
from alert_transfers_staged

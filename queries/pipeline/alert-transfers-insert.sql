-- Links transfers (JSON array) to an alert, recording the run that first linked them.
insert into alert_transfers (alert_id, tx_id, first_run_id)
select $alert_id, unnest(from_json($tx_ids, '["varchar"]')), $run_id

-- Test fixtures only.
insert into alert_transfers (alert_id, tx_id, first_run_id) values ($alert_id, $tx_id, $run_id)

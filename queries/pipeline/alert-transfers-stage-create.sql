-- The staged batch of (alert, transfer) links a scan adds (alert-transfers-insert-staged.sql).
create or replace temp table alert_transfers_staged (alert_id varchar, tx_id varchar)

-- The staged batch of the transfers a scan links to its alerts (alert-transfers-insert-staged.sql):
-- one row per alert, its transfer ids as a JSON array (a value per link cost more to stage).
create or replace temp table alert_transfers_staged (alert_id varchar, tx_ids varchar)

-- The staged batch of the transfer ids of a scan's alert candidates (alerts-of-transfers.sql).
create or replace temp table scan_transfers_staged (tx_id varchar)

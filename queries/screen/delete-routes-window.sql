-- Earlier rows of the window's transfers are replaced by this classification.
delete from tx_routes where tx_id in (select tx_id from rw_window_tx_ids($from, $to))

-- The fx snapshot the window's base amounts come from (no row: none active).
select snapshot_id, reference_currency from fx_active

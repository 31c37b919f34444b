-- Transfer ids already linked to one alert.
select tx_id from alert_transfers where alert_id = $alert_id

-- What a proposal may cite as its evidence: the alert's transfers and the watch-list hits of its
-- accounts.
select tx_id as id, 'transfer' as kind from alert_transfers where alert_id = $id
union all
select hit_id, 'hit' from party_hits
where hit_id is not null and list_contains((select accounts from alerts where id = $id), account)

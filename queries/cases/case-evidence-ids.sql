-- What a case proposal may cite as its evidence: the transfers of its alerts and the watch-list
-- hits of their accounts.
with mine as (select alert_id from case_alerts where case_id = $id)
select distinct tx_id as id, 'transfer' as kind from alert_transfers where alert_id in (select alert_id from mine)
union all
select hit_id, 'hit' from party_hits
where hit_id is not null and account in (
  select distinct unnest(a.accounts) from alerts a where a.id in (select alert_id from mine))

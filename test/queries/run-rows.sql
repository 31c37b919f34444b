-- Test fixtures only: the rows one scan run wrote (alerts it made, their versions and transfer links,
-- the communities and exposure it recorded).
select
  (select count(*) from alerts where provenance->>'run_id' = $run_id)::integer as alerts,
  (select count(*) from alert_versions where run_id = $run_id)::integer as alert_versions,
  (select count(*) from alert_transfers where first_run_id = $run_id)::integer as alert_transfers,
  (select count(*) from account_communities where run_id = $run_id)::integer as communities,
  (select count(*) from account_exposure where run_id = $run_id)::integer as exposure

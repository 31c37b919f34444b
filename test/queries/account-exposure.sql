-- Test fixtures only: every account's exposure (hops to a screened hit) as the last scan recorded it.
select * exclude (run_id) from account_exposure order by 1

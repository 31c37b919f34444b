-- Test fixtures only: every account's community as the last scan recorded it.
select * exclude (run_id) from account_communities order by 1

-- Test fixtures only.
insert into account_communities (account, community, run_id) values ($account, $community, $run_id)

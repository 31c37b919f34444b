-- Louvain community per account (two JSON arrays of the same length).
insert into account_communities (account, community, run_id)
select unnest(from_json($accounts, '["varchar"]')), unnest(from_json($communities, '["integer"]')), $run_id

-- Louvain community per account (two JSON arrays of the same length), replacing the account's row
-- in place: an update, not a delete and an insert, leaves the primary key index as it is.
insert into account_communities (account, community, run_id)
select unnest(from_json($accounts, '["varchar"]')), unnest(from_json($communities, '["integer"]')), $run_id
on conflict (account) do update set community = excluded.community, run_id = excluded.run_id

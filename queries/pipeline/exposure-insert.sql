-- Hop distance to a screened hit per account (two JSON arrays of the same length).
insert into account_exposure (account, hops, run_id)
select unnest(from_json($accounts, '["varchar"]')), unnest(from_json($hops, '["integer"]')), $run_id

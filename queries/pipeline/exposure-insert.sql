-- Hop distance to a screened hit per account (two JSON arrays of the same length), replacing the
-- account's row in place (see communities-insert.sql).
insert into account_exposure (account, hops, run_id)
select unnest(from_json($accounts, '["varchar"]')), unnest(from_json($hops, '["integer"]')), $run_id
on conflict (account) do update set hops = excluded.hops, run_id = excluded.run_id

-- Louvain community per account (the staged batch), replacing the account's row in place: an
-- update, not a delete and an insert, leaves the primary key index as it is.
insert into account_communities (account, community, run_id)
select account, community, $run_id
from account_tables_staged
where community is not null
on conflict (account) do update set community = excluded.community, run_id = excluded.run_id

-- Hop distance to a screened hit per account (the staged batch), replacing the account's row in
-- place (see communities-insert.sql).
insert into account_exposure (account, hops, run_id)
select account, hops, $run_id
from account_tables_staged
where hops is not null
on conflict (account) do update set hops = excluded.hops, run_id = excluded.run_id

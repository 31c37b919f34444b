-- The staged batch of the window's accounts with their Louvain community and hops to a screened
-- hit (null: none), for the account-table statements (communities-*.sql, exposure-*.sql);
-- in_window 0 for an account of the detectors' maps outside the window's accounts.
create or replace temp table account_tables_staged (
  account varchar, community integer, hops integer, in_window integer
)

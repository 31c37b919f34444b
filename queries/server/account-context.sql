-- One account's Louvain community and hop distance to a screened party (latest scan).
select
  (select community from account_communities where account = $account) as community,
  (select hops from account_exposure where account = $account) as exposure_hops

-- Benchmark only: accounts to ask the ego network of, spread over the degree range, with degrees.
with deg as (
  select account, count(*) as n
  from (select debtor_account as account from payments union all select creditor_account from payments)
  group by account
)
select account, n from deg
where hash(account) % $every::bigint = 0
order by n desc
limit $limit::integer

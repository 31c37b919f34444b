-- Per alert, what its queue row shows and its search reads: the names and countries the pattern's
-- accounts used on its transfers, the goods categories of its transfers' HS codes (the active
-- goods lists' category of the longest matching prefix, else the code's heading), and the
-- watch-list entries open hits of its accounts point to. $ids: a JSON array of alert ids, or null
-- for every alert (the in-memory queue loads them all at once; the SQL queue asks for one page).
with al as (
  select id, accounts
  from alerts
  where $ids::varchar is null or list_contains(from_json($ids::varchar, '["varchar"]'), id)
),
-- the alert's transfers, read once (the payments table is large)
tp as materialized (
  select t.alert_id, p.debtor_name, p.debtor_country, p.creditor_name, p.creditor_country, p.hs_code
  from alert_transfers t
  join al on al.id = t.alert_id
  join payments p on p.tx_id = t.tx_id
),
sides as (
  select alert_id, debtor_name as name, debtor_country as country from tp
  union all
  select alert_id, creditor_name, creditor_country from tp
),
parties as (
  select alert_id,
    list_sort(list_distinct(list(name) filter (where name is not null and trim(name) <> ''))) as party_names,
    list_sort(list_distinct(list(country) filter (where country is not null))) as countries
  from sides
  group by alert_id
),
codes as (
  select distinct alert_id, regexp_replace(hs_code, '[^0-9]', '', 'g') as hs
  from tp
  where hs_code is not null
),
categories as (
  select c.label, c.prefix
  from goods_category_codes c
  join list_snapshots s on s.snapshot_id = c.snapshot_id and s.active
  where c.prefix is not null
),
-- each code's category: the longest prefix that matches; a code no list names shows its heading
coded as (
  select k.alert_id, k.hs,
    coalesce(arg_max(c.label, length(c.prefix)), 'HS ' || left(k.hs, 4)) as label
  from codes k
  left join categories c on starts_with(k.hs, c.prefix)
  where k.hs <> ''
  group by k.alert_id, k.hs
),
goods as (
  select alert_id, list_sort(list_distinct(list(label))) as goods
  from coded
  group by alert_id
),
accounts as (
  select id as alert_id, unnest(accounts) as account from al
),
hits as (
  select a.alert_id,
    list_sort(list_distinct(list(h.entry_id))) as list_entries,
    list_sort(list_distinct(list(h.caption) || list(h.matched_name))) as listed_names,
    max(h.score) as hit_score
  from accounts a
  join party_hits h on h.account = a.account
  where coalesce(h.status, 'open') = 'open'
  group by a.alert_id
)
select al.id,
  coalesce(p.party_names, []) as party_names,
  coalesce(p.countries, []) as countries,
  coalesce(g.goods, []) as goods,
  coalesce(h.list_entries, []) as list_entries,
  coalesce(h.listed_names, []) as listed_names,
  h.hit_score
from al
left join parties p on p.alert_id = al.id
left join goods g on g.alert_id = al.id
left join hits h on h.alert_id = al.id
order by al.id

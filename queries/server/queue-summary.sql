-- Per alert, what its queue row shows and its search reads: the names (those of listed accounts
-- first, then alphabetical) and countries the pattern's accounts used on its transfers, the goods categories of its transfers' HS codes (the active
-- goods lists' category of the longest matching prefix, else the code's heading), and the
-- watch-list entries open hits of its accounts point to (ids, captions, matched names and every
-- name the list gives them). $ids: a JSON array of alert ids, or null
-- for every alert (the in-memory queue loads them all at once; the SQL queue asks for one page).
with al as (
  select id, accounts
  from alerts
  where $ids::varchar is null or list_contains(from_json($ids::varchar, '["varchar"]'), id)
),
-- the alert's transfers, read once (the payments table is large)
tp as materialized (
  select t.alert_id, p.debtor_account, p.debtor_name, p.debtor_country,
    p.creditor_account, p.creditor_name, p.creditor_country, p.hs_code
  from alert_transfers t
  join al on al.id = t.alert_id
  join payments p on p.tx_id = t.tx_id
),
sides as (
  select alert_id, debtor_account as account, debtor_name as name, debtor_country as country from tp
  union all
  select alert_id, creditor_account, creditor_name, creditor_country from tp
),
accounts as (
  select id as alert_id, unnest(accounts) as account from al
),
open_hits as (
  select a.alert_id, a.account, h.entry_id, h.snapshot_id, h.caption, h.matched_name, h.score
  from accounts a
  join party_hits h on h.account = a.account
  where coalesce(h.status, 'open') = 'open'
),
-- every name and alias the list gives the entries hit (an analyst may search any of them)
entry_names as (
  select distinct o.alert_id, n.name
  from (select distinct alert_id, snapshot_id, entry_id from open_hits) o
  join list_names n on n.snapshot_id = o.snapshot_id and n.entry_id = o.entry_id
),
-- each name once, marked when its account is on a watch list: listed parties come first
names as (
  select s.alert_id, s.name, bool_or(l.account is not null) as listed
  from sides s
  left join (select distinct alert_id, account from open_hits) l
    on l.alert_id = s.alert_id and l.account = s.account
  where s.name is not null and trim(s.name) <> ''
  group by s.alert_id, s.name
),
parties as (
  select alert_id, list(name order by listed desc, name) as party_names
  from names
  group by alert_id
),
places as (
  select alert_id, list_sort(list_distinct(list(country) filter (where country is not null))) as countries
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
hits as (
  select alert_id,
    list_sort(list_distinct(list(entry_id))) as list_entries,
    list_sort(list_distinct(list(caption) || list(matched_name))) as listed_names,
    max(score) as hit_score
  from open_hits
  group by alert_id
),
aliases as (
  select alert_id, list(name order by name) as names from entry_names group by alert_id
)
select al.id,
  coalesce(p.party_names, []) as party_names,
  coalesce(c.countries, []) as countries,
  coalesce(g.goods, []) as goods,
  coalesce(h.list_entries, []) as list_entries,
  list_sort(list_distinct(coalesce(h.listed_names, []) || coalesce(n.names, []))) as listed_names,
  h.hit_score
from al
left join parties p on p.alert_id = al.id
left join places c on c.alert_id = al.id
left join goods g on g.alert_id = al.id
left join hits h on h.alert_id = al.id
left join aliases n on n.alert_id = al.id
order by al.id

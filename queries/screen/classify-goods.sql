-- Goods classes of every transfer in the window: the HS code against the active goods codes (longest
-- prefix wins), the purpose text against the active lexicon (see src/screen/goods-regex.ts). Flags a mismatch when a controlled code travels under
-- a generic description with no controlled word, or controlled words travel under an uncontrolled code.
insert into tx_goods
with win as (
  select tx_id, hs_code,
    regexp_replace(coalesce(hs_code, ''), '[^0-9]', '', 'g') as hs,
    regexp_replace(replace(strip_accents(lower(coalesce(purpose, ''))), '’', ''''), '\s+', ' ', 'g') as text
  from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
    and (hs_code is not null or purpose is not null)
),
codes as (
  select distinct c.prefix, c.tier, c.category, c.description
  from goods_codes c join list_snapshots s on s.snapshot_id = c.snapshot_id
  where s.active and s.kind = 'goods'
),
terms as materialized (
  select distinct t.term, t.category, t.tier, t.generic
  from goods_terms t join list_snapshots s on s.snapshot_id = t.snapshot_id
  where s.active and s.kind = 'goods'
),
-- each code's prefixes of 2, 4, 6, 8 and 10 digits, joined on equality (a hash join, not a scan)
hs_prefixes as (
  select tx_id, unnest(list_distinct([left(hs, 2), left(hs, 4), left(hs, 6), left(hs, 8), left(hs, 10)])) as pre
  from win
  where length(hs) >= 2
),
hs_hit as (
  select tx_id, arg_max(prefix, length(prefix)) as prefix, arg_max(tier, length(prefix)) as tier,
    arg_max(category, length(prefix)) as category, arg_max(description, length(prefix)) as description
  from hs_prefixes p join codes c on c.prefix = p.pre
  group by tx_id
),
-- long terms (≥ 7 characters, or several words) as substrings: one literal alternation ($re_long)
long_found as materialized (
  select tx_id, unnest(regexp_extract_all(text, $re_long, 1)) as w
  from win
  where text <> ''
),
-- words that start with a short term ($re_short), checked against the terms below
words as materialized (
  select tx_id, unnest(regexp_extract_all(text, $re_short, 1)) as w
  from win
  where text <> ''
),
short_terms as (
  select * from terms where length(term) < 7 and not contains(term, ' ')
),
-- every join below is an equality (hash) join; duplicates fold in lex_agg
lex as (
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from long_found f join terms t on t.term = f.w
  union all
  -- up to 4 characters: the whole word, or the word without a plural 's'
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from words f join short_terms t on t.term = f.w
  where length(t.term) <= 4
  union all
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from words f join short_terms t on t.term = left(f.w, -1)
  where length(t.term) <= 4 and f.w like '%s'
  union all
  -- 5 or 6 characters: the start of a word
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from words f join short_terms t on t.term = left(f.w, 5)
  where length(t.term) = 5
  union all
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from words f join short_terms t on t.term = left(f.w, 6)
  where length(t.term) = 6
),
lex_agg as (
  select tx_id,
    list_sort(list_distinct(list(term))) as terms,
    bool_or(not generic) as controlled,
    bool_or(generic) as has_generic,
    min(tier) filter (where not generic) as tier,
    arg_min(category, tier) filter (where not generic) as category
  from lex
  group by tx_id
)
select w.tx_id,
  coalesce(h.category, l.category) as category,
  coalesce(h.tier, l.tier) as tier,
  case when h.tx_id is not null and coalesce(l.controlled, false) then 'both'
       when h.tx_id is not null then 'hs' else 'lexicon' end as source,
  coalesce(l.terms, []::varchar[]) as terms,
  -- a controlled code declared as generic goods, or controlled goods declared under another code
  (h.tx_id is not null and not coalesce(l.controlled, false) and coalesce(l.has_generic, false))
    or (coalesce(l.controlled, false) and h.tx_id is null and length(w.hs) >= 4) as mismatch,
  w.hs_code, h.prefix, h.description
from win w
left join hs_hit h on h.tx_id = w.tx_id
left join lex_agg l on l.tx_id = w.tx_id
where h.tx_id is not null or coalesce(l.controlled, false)

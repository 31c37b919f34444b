-- Goods classes of every transfer in the window: the HS code against the active goods codes (longest
-- prefix wins; an HS 2017 code that HS 2022 split or renumbered is matched through its successors),
-- the purpose text against the active lexicon (see src/screen/goods-regex.ts). The description's own
-- goods categories are compared with the code's chapter and heading (goods_category_codes): a
-- mismatch is an ordinary (consumer, industrial or generic) description on a controlled code, or a
-- controlled description on an ordinary code, when no category of the description covers the code.
-- Each mismatch keeps its reason: the description's categories and words against the code's heading.
insert into tx_goods (tx_id, category, tier, source, terms, mismatch, hs_code, hs_prefix, description,
  declared_categories, hs2022, code_heading, code_category, mismatch_reason)
with win as (
  select tx_id, hs_code,
    regexp_replace(coalesce(hs_code, ''), '[^0-9]', '', 'g') as hs,
    regexp_replace(replace(strip_accents(lower(coalesce(purpose, ''))), '’', ''''), '\s+', ' ', 'g') as text
  from payments
  where ts >= $from::timestamp
    and ts <= $to::timestamp
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
successors as (
  select distinct x.hs2017, x.hs2022
  from hs_successors x join list_snapshots s on s.snapshot_id = x.snapshot_id
  where s.active and s.kind = 'goods'
),
cat_codes as materialized (
  select distinct k.category, k.kind, k.label, k.prefix
  from goods_category_codes k join list_snapshots s on s.snapshot_id = k.snapshot_id
  where s.active and s.kind = 'goods'
),
-- each transfer's code in HS 2022 terms: an HS 2017 subheading that HS 2022 split or renumbered
-- stands for each of its successors (the national digits after it no longer apply); any other code
-- stands for itself
code_cands as (
  select w.tx_id, coalesce(x.hs2022, w.hs) as code, x.hs2022 is not null as successor
  from win w
  left join successors x on x.hs2017 = left(w.hs, 6)
  where length(w.hs) >= 2
),
-- each code's prefixes of 2, 4, 6, 8 and 10 digits, joined on equality (a hash join, not a scan)
hs_prefixes as materialized (
  select tx_id, code,
    unnest(list_distinct([left(code, 2), left(code, 4), left(code, 6), left(code, 8), left(code, 10)])) as pre
  from code_cands
),
-- the longest matching goods-list prefix; among the successors of a split code, the most specific
-- and then the highest tier (the lowest tier number): a shipment under the old code may be either
hs_hit as (
  select tx_id, code, prefix, tier, category, description
  from (
    select p.tx_id, p.code, c.prefix, c.tier, c.category, c.description,
      row_number() over (partition by p.tx_id order by length(c.prefix) desc, c.tier, c.prefix, p.code) as rn
    from hs_prefixes p join codes c on c.prefix = p.pre
  )
  where rn = 1
),
successor_lists as (
  select tx_id, list_sort(list(code)) as hs2022
  from code_cands
  where successor
  group by tx_id
),
-- long terms (≥ 7 characters, or several words) as substrings: one literal alternation; short terms:
-- the words that start with one (checked against the terms in lex). Controlled terms ($re_long,
-- $re_short) are looked for in every description; ordinary ones ($re_long_ordinary,
-- $re_short_ordinary: consumer, industrial, generic) only where the code is controlled or the
-- description may be, the only transfers where they can change anything
long_found as materialized (
  select tx_id, unnest(regexp_extract_all(text, $re_long, 1)) as w
  from win
  where text <> ''
),
words as materialized (
  select tx_id, unnest(regexp_extract_all(text, $re_short, 1)) as w
  from win
  where text <> ''
),
ordinary_scope as (
  select tx_id from hs_hit
  union
  select tx_id from long_found
  union
  select tx_id from words
),
scoped as materialized (
  select w.tx_id, w.text
  from win w
  where w.text <> '' and w.tx_id in (select tx_id from ordinary_scope)
),
found_long as (
  select tx_id, w from long_found
  union all
  select tx_id, unnest(regexp_extract_all(text, $re_long_ordinary, 1)) as w from scoped
),
found_words as materialized (
  select tx_id, w from words
  union all
  select tx_id, unnest(regexp_extract_all(text, $re_short_ordinary, 1)) as w from scoped
),
short_terms as (
  select * from terms where length(term) < 7 and not contains(term, ' ')
),
-- every join below is an equality (hash) join; duplicates fold in lex_agg
lex as (
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from found_long f join terms t on t.term = f.w
  union all
  -- up to 4 characters: the whole word, or the word without a plural 's'
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from found_words f join short_terms t on t.term = f.w
  where length(t.term) <= 4
  union all
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from found_words f join short_terms t on t.term = left(f.w, -1)
  where length(t.term) <= 4 and f.w like '%s'
  union all
  -- 5 or 6 characters: the start of a word
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from found_words f join short_terms t on t.term = left(f.w, 5)
  where length(t.term) = 5
  union all
  select f.tx_id, t.term, t.category, t.tier, t.generic
  from found_words f join short_terms t on t.term = left(f.w, 6)
  where length(t.term) = 6
),
lex_agg as (
  select tx_id,
    list_sort(list_distinct(list(term))) as terms,
    list_sort(list_distinct(list(category))) as declared,
    bool_or(not generic) as controlled,
    min(tier) filter (where not generic) as tier,
    arg_min(category, tier) filter (where not generic) as category
  from lex
  group by tx_id
),
flagged as (
  select w.tx_id, w.hs_code, w.hs, h.tx_id is not null as code_controlled, h.code, h.prefix,
    h.tier as code_tier, h.category as code_goods, h.description as code_description,
    l.tx_id is not null as has_lex, coalesce(l.controlled, false) as desc_controlled,
    l.terms, l.declared, l.tier, l.category, s.hs2022,
    left(coalesce(h.code, s.hs2022[1], w.hs), 4) as heading
  from win w
  left join hs_hit h on h.tx_id = w.tx_id
  left join lex_agg l on l.tx_id = w.tx_id
  left join successor_lists s on s.tx_id = w.tx_id
  where h.tx_id is not null or coalesce(l.controlled, false)
),
-- a mismatch needs a description that names goods and exactly one controlled side of the two
-- (the code or the description); only these are checked against the categories' HS codes
candidates as materialized (
  select tx_id, desc_controlled
  from flagged
  where length(hs) >= 4 and has_lex and code_controlled <> desc_controlled
),
declared as (
  select distinct l.tx_id, l.category, l.term, l.generic
  from lex l join candidates c on c.tx_id = l.tx_id
),
labels as (
  select category, min(label) as label from cat_codes group by category
),
-- the words and categories behind a reason, ordinary ones and controlled ones apart
reason_words as (
  select d.tx_id,
    array_to_string(list_sort(list_distinct(list(d.term) filter (where d.generic))), ''', ''') as ordinary_terms,
    array_to_string(list_sort(list_distinct(list(coalesce(b.label, d.category)) filter (where d.generic))), ', ') as ordinary_labels,
    array_to_string(list_sort(list_distinct(list(d.term) filter (where not d.generic))), ''', ''') as controlled_terms,
    array_to_string(list_sort(list_distinct(list(coalesce(b.label, d.category)) filter (where not d.generic))), ', ') as controlled_labels
  from declared d
  left join labels b on b.category = d.category
  group by d.tx_id
),
candidate_prefixes as (
  select p.tx_id, p.pre
  from hs_prefixes p join candidates c on c.tx_id = p.tx_id
),
-- candidates one of whose declared categories covers one of its codes: no mismatch
covered as (
  select distinct d.tx_id
  from declared d
  join candidate_prefixes p on p.tx_id = d.tx_id
  join cat_codes k on k.category = d.category and k.prefix = p.pre
),
-- where the declared controlled categories belong, for the reason
controlled_codes as (
  select d.tx_id, array_to_string(list_sort(list_distinct(list(k.prefix))), ', ') as prefixes
  from declared d
  join cat_codes k on k.category = d.category
  where k.kind = 'controlled' and k.prefix is not null
  group by d.tx_id
),
-- what an ordinary code holds (the ordinary category with the longest prefix covering it), for
-- controlled descriptions on it
code_cover as (
  select p.tx_id, arg_max(k.label, length(k.prefix)) as label
  from candidate_prefixes p
  join candidates c on c.tx_id = p.tx_id and c.desc_controlled
  join cat_codes k on k.prefix = p.pre
  where k.kind <> 'controlled'
  group by p.tx_id
),
judged as (
  select f.*, cc.prefixes as controlled_prefixes, o.label as cover_label, r.ordinary_terms,
    r.ordinary_labels, r.controlled_terms, r.controlled_labels,
    c.tx_id is not null and v.tx_id is null as mismatch
  from flagged f
  left join candidates c on c.tx_id = f.tx_id
  left join reason_words r on r.tx_id = f.tx_id
  left join covered v on v.tx_id = f.tx_id
  left join controlled_codes cc on cc.tx_id = f.tx_id
  left join code_cover o on o.tx_id = f.tx_id
)
select tx_id,
  coalesce(code_goods, category) as category,
  coalesce(code_tier, tier) as tier,
  case when code_controlled and desc_controlled then 'both'
       when code_controlled then 'hs' else 'lexicon' end as source,
  coalesce(terms, []::varchar[]) as terms,
  mismatch,
  hs_code, prefix, code_description,
  coalesce(declared, []::varchar[]),
  coalesce(hs2022, []::varchar[]),
  heading,
  coalesce(code_goods, cover_label),
  case
    when not mismatch then null
    when code_controlled then format('described as {} (''{}''), but HS {} is {} ({}, tier {}){}',
      ordinary_labels, ordinary_terms, hs_code, code_description, code_goods, code_tier,
      case when hs2022 is not null
        then format(' once HS 2017 {} is read as HS 2022 {}', left(hs, 6), array_to_string(hs2022, ', '))
        else '' end)
    else format('described as {} (''{}''), but HS {} is heading {}{}, not where such goods are classified (HS {})',
      controlled_labels, controlled_terms, hs_code, heading,
      case when cover_label is not null then format(' ({})', cover_label) else '' end,
      coalesce(controlled_prefixes, 'none listed'))
  end
from judged

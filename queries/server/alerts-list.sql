-- One page of the alert queue. Every filter is optional (null = no filter). Sorting is keyset
-- paging on one numeric key: sk = $dir * (the chosen column as a number), then id; the cursor
-- carries the (sk, id) of the last row of the previous page. 'total_amount' sorts by the amount in
-- the base currency (total_amount_base); alerts without one come last in either direction (their sk
-- is 1e300, above any $dir-signed amount). Only the queue's own columns are
-- carried through the sort (the wide finding/provenance JSON would make it several times slower).
with filtered as (
  select
    a.id, a.typology, a.score, a.status, a.accounts, a.first_ts, a.last_ts, a.total_amount,
    a.currency, a.total_amount_base, a.base_currency, a.reasons, a.community, a.assignee, a.proposed_by, a.proposed_outcome, a.version,
    a.created_at, a.updated_at,
    coalesce($dir::double * (case $sort
      when 'score' then a.score
      when 'first_ts' then epoch_us(a.first_ts)::double
      when 'last_ts' then epoch_us(a.last_ts)::double
      when 'total_amount' then a.total_amount_base::double
      when 'created_at' then epoch_us(a.created_at)::double
      else epoch_us(a.updated_at)::double
    end), 1e300) as sk
  from alerts a
  where ($status::varchar is null or list_contains(string_split($status::varchar, ','), a.status))
    and ($typology::varchar is null or list_contains(string_split($typology::varchar, ','), a.typology))
    and ($score_min::double is null or a.score >= $score_min::double)
    and ($score_max::double is null or a.score <= $score_max::double)
    -- dates: the alert's span overlaps [from, to]
    and ($from::varchar is null or a.last_ts >= $from::varchar::timestamp)
    and ($to::varchar is null or a.first_ts <= $to::varchar::timestamp)
    and ($assignee::varchar is null
      or ($assignee::varchar = '-' and a.assignee is null)
      or a.assignee = $assignee::varchar)
    -- text, folded as src/server/queue/search-text.ts folds it (no accents, lower case, one space):
    -- $qn against the id, a reason's text, a name a party used on the alert's transfers and an
    -- open watch-list hit's entity id, listed name or any of the entry's names; $qa (no spaces or
    -- hyphens) against the accounts
    and (case when $qn::varchar is null and $qa::varchar is null then true
      else ($qn::varchar is not null and (
          contains(lower(a.id), $qn::varchar)
          or len(list_filter(json_extract_string(a.reasons, '$[*].text'),
            x -> contains(trim(regexp_replace(lower(strip_accents(x)), '\s+', ' ', 'g')), $qn::varchar))) > 0
          or exists (
            select 1 from alert_transfers t join payments p on p.tx_id = t.tx_id
            where t.alert_id = a.id
              and (contains(trim(regexp_replace(lower(strip_accents(coalesce(p.debtor_name, ''))), '\s+', ' ', 'g')), $qn::varchar)
                or contains(trim(regexp_replace(lower(strip_accents(coalesce(p.creditor_name, ''))), '\s+', ' ', 'g')), $qn::varchar)))
          or exists (
            select 1 from party_hits h
            where list_contains(a.accounts, h.account) and coalesce(h.status, 'open') = 'open'
              and (contains(trim(regexp_replace(lower(strip_accents(h.entry_id)), '\s+', ' ', 'g')), $qn::varchar)
                or contains(trim(regexp_replace(lower(strip_accents(h.caption)), '\s+', ' ', 'g')), $qn::varchar)
                or contains(trim(regexp_replace(lower(strip_accents(h.matched_name)), '\s+', ' ', 'g')), $qn::varchar)
                or exists (
                  select 1 from list_names n
                  where n.snapshot_id = h.snapshot_id and n.entry_id = h.entry_id
                    and contains(trim(regexp_replace(lower(strip_accents(n.name)), '\s+', ' ', 'g')), $qn::varchar))))))
        or ($qa::varchar is not null and len(list_filter(a.accounts,
          x -> contains(lower(regexp_replace(x, '[\s-]+', '', 'g')), $qa::varchar))) > 0) end)
)
select
  id, typology, score, status, accounts, len(accounts) as account_count, first_ts, last_ts,
  total_amount::varchar as total_amount, currency,
  total_amount_base::varchar as total_amount_base, base_currency, reasons, community, assignee, proposed_by, proposed_outcome,
  version, created_at, updated_at, sk
from filtered
where $after_sk::double is null
  or sk > $after_sk::double
  or (sk = $after_sk::double and id > $after_id::varchar)
order by sk, id
limit $limit::integer

-- How many alerts match the queue's filters (same filters as alerts-list).
select count(*) as n
from alerts a
where ($status::varchar is null or list_contains(string_split($status::varchar, ','), a.status))
  and ($typology::varchar is null or list_contains(string_split($typology::varchar, ','), a.typology))
  and ($score_min::double is null or a.score >= $score_min::double)
  and ($score_max::double is null or a.score <= $score_max::double)
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

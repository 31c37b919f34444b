-- The alert queue's filters, written once: queries/server/alerts-list.sql pages through the alerts
-- they keep, alerts-count.sql counts them (src/server/queue/alert-queue.ts answers the same in
-- memory). Every filter is optional (null = no filter).
-- Text folded as src/server/queue/search-text.ts folds it: no accents, lower case, one space.
create macro rw_fold(s) as trim(regexp_replace(lower(strip_accents(s)), '\s+', ' ', 'g'));
create macro rw_queue_alerts(q_status, q_typology, q_score_min, q_score_max, q_from, q_to,
    q_assignee, q_qn, q_qa) as table
  select a.*
  from alerts a
  where (q_status::varchar is null or list_contains(string_split(q_status::varchar, ','), a.status))
    and (q_typology::varchar is null
      or list_contains(string_split(q_typology::varchar, ','), a.typology))
    and (q_score_min::double is null or a.score >= q_score_min::double)
    and (q_score_max::double is null or a.score <= q_score_max::double)
    -- dates: the alert's span overlaps [from, to]
    and (q_from::varchar is null or a.last_ts >= q_from::varchar::timestamp)
    and (q_to::varchar is null or a.first_ts <= q_to::varchar::timestamp)
    -- '-': unassigned
    and (q_assignee::varchar is null
      or (q_assignee::varchar = '-' and a.assignee is null)
      or a.assignee = q_assignee::varchar)
    -- q_qn (folded text) against the id, a reason's text, a name a party used on the alert's
    -- transfers and an open watch-list hit's entity id, listed name or any of the entry's names;
    -- q_qa (no spaces or hyphens) against the accounts
    and (case when q_qn::varchar is null and q_qa::varchar is null then true
      else (q_qn::varchar is not null and (
          contains(lower(a.id), q_qn::varchar)
          or len(list_filter(json_extract_string(a.reasons, '$[*].text'),
            x -> contains(rw_fold(x), q_qn::varchar))) > 0
          or exists (
            select 1 from alert_transfers t join payments p on p.tx_id = t.tx_id
            where t.alert_id = a.id
              and (contains(rw_fold(coalesce(p.debtor_name, '')), q_qn::varchar)
                or contains(rw_fold(coalesce(p.creditor_name, '')), q_qn::varchar)))
          or exists (
            select 1 from party_hits h
            where list_contains(a.accounts, h.account) and coalesce(h.status, 'open') = 'open'
              and (contains(rw_fold(h.entry_id), q_qn::varchar)
                or contains(rw_fold(h.caption), q_qn::varchar)
                or contains(rw_fold(h.matched_name), q_qn::varchar)
                or exists (
                  select 1 from list_names n
                  where n.snapshot_id = h.snapshot_id and n.entry_id = h.entry_id
                    and contains(rw_fold(n.name), q_qn::varchar))))))
        or (q_qa::varchar is not null and len(list_filter(a.accounts,
          x -> contains(lower(regexp_replace(x, '[\s-]+', '', 'g')), q_qa::varchar))) > 0) end);

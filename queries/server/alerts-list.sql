-- One page of the alert queue: the alerts its filters keep (rw_queue_alerts,
-- queries/schema/080_queue_filter.sql). Sorting is keyset
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
  from rw_queue_alerts($status, $typology, $score_min, $score_max, $from, $to, $assignee, $qn, $qa) a
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

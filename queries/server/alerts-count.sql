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
  and (case when $q::varchar is null then true
    else a.id ilike '%' || $q::varchar || '%'
      or list_contains(a.accounts, $q::varchar)
      or a.reasons::varchar ilike '%' || $q::varchar || '%' end)

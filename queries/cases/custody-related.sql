-- Are two actors one chain of custody: has either created, approved, promoted or re-keyed the
-- other, directly or through users they did so for? (union, not union all: a cycle ends.)
with recursive up(user_id, by_id) as (
  select user_id, by_id from user_custody where user_id in ($a, $b)
  union
  select up.user_id, c.by_id from up join user_custody c on c.user_id = up.by_id
)
select count(*) as n
from up
where (user_id = $a and by_id = $b) or (user_id = $b and by_id = $a)

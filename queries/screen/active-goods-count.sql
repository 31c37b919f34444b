-- How many active goods snapshots of each format exist (codes and lexicon).
select format, count(*) as n
from list_snapshots
where active and kind = 'goods'
group by format

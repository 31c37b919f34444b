-- How many alerts match the queue's filters (rw_queue_alerts, queries/schema/080_queue_filter.sql).
select count(*) as n
from rw_queue_alerts($status, $typology, $score_min, $score_max, $from, $to, $assignee, $qn, $qa)

-- The rows of bridge-rows-create.sql in order.
select n, label from bridge_rows order by n

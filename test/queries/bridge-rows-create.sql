-- A table of $rows numbered rows with a label each (store-bridge.test.ts).
create or replace table bridge_rows as select i::integer as n, 'row ' || i as label from range($rows) t(i)

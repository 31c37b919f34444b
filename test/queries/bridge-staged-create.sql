-- A staged table for rows appended in a transaction (store-bridge.test.ts).
create temp table bridge_staged (label varchar, n integer)

-- Benchmark floor: the table DuckDB's own reader fills (typed as the product's payments).
create table p (tx_id varchar, ts timestamp, amount decimal(18, 2), currency varchar,
  debtor_account varchar, debtor_name varchar, debtor_country varchar, debtor_bank varchar,
  creditor_account varchar, creditor_name varchar, creditor_country varchar, creditor_bank varchar,
  purpose varchar, hs_code varchar)

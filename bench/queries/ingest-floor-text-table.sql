-- Benchmark floor: the table the Arrow appender fills, every transfer column as text.
create table p (tx_id varchar, ts varchar, amount varchar, currency varchar,
  debtor_account varchar, debtor_name varchar, debtor_country varchar, debtor_bank varchar,
  creditor_account varchar, creditor_name varchar, creditor_country varchar, creditor_bank varchar,
  purpose varchar, hs_code varchar)

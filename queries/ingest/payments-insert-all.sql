-- Lands every row of a file in which no row broke a rule, typed: ts to UTC, amount exact to the
-- cent (payments-insert.sql without the anti-join).
insert into payments
select
  s.tx_id,
  s.ts::timestamptz::timestamp,
  s.amount::decimal(18, 2),
  s.currency,
  s.debtor_account,
  s.debtor_name,
  s.debtor_country,
  s.debtor_bank,
  s.creditor_account,
  s.creditor_name,
  s.creditor_country,
  s.creditor_bank,
  s.purpose,
  s.hs_code,
  s.extra::json,
  $file_id,
  s.source_row
from stg s

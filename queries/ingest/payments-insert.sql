-- Lands the rows of one file that broke no rule (see checked-create.sql), typed: ts to UTC, amount
-- exact to the cent. (make_timestamp(epoch_us(…)) is the UTC wall clock of the instant: the same
-- value as a cast to TIMESTAMP under TimeZone UTC, about five times cheaper.)
insert into payments
select
  tx_id,
  make_timestamp(epoch_us(ts_v)),
  amount_v,
  currency,
  debtor_account,
  debtor_name,
  debtor_country,
  debtor_bank,
  creditor_account,
  creditor_name,
  creditor_country,
  creditor_bank,
  purpose,
  hs_code,
  extra::json,
  $file_id,
  source_row
from stg_checked
where ok or rule is null

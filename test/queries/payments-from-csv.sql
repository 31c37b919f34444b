-- Test fixtures only: the transfers of CSV files (a glob) straight into payments, for tests about
-- detection rather than ingest.
insert into payments (tx_id, ts, amount, currency, debtor_account, creditor_account, purpose, file_id,
  source_row)
select tx_id, ts::timestamp, amount::decimal(18, 2), currency, debtor_account, creditor_account, purpose,
  'samples', 0
from read_csv($glob, all_varchar = true)

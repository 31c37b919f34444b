-- Quarantines the broken rows of one file: rule faults (with the cleaned row as JSON) and rows that
-- could not be split into fields (with the raw line).
insert into quarantine
select $file_id, $path, f.source_row, f.column_name, f.raw_value, f.reason_code, f.reason,
  to_json({
    'tx_id': s.tx_id, 'ts': s.ts, 'amount': s.amount, 'currency': s.currency,
    'debtor_account': s.debtor_account, 'debtor_name': s.debtor_name,
    'debtor_country': s.debtor_country, 'debtor_bank': s.debtor_bank,
    'creditor_account': s.creditor_account, 'creditor_name': s.creditor_name,
    'creditor_country': s.creditor_country, 'creditor_bank': s.creditor_bank,
    'purpose': s.purpose, 'hs_code': s.hs_code, 'extra': s.extra::json
  })::varchar
from stg_fault f
join stg s on s.source_row = f.source_row
union all
select $file_id, $path, source_row, column_name, raw_value, reason_code, reason, raw_row
from stg_rejects

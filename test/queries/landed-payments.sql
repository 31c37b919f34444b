-- Test fixtures only: every landed payment as text, with the path of the file it came from.
select p.tx_id, p.ts::varchar as ts, p.amount::varchar as amount, p.currency, p.debtor_account,
  p.debtor_country, p.creditor_account, p.purpose, p.extra::varchar as extra,
  p.source_row::integer as source_row, p.file_id, f.path
from payments p
left join ingest_files f using (file_id)
order by p.tx_id

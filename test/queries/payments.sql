-- Tests' and benchmarks' payments, given as one JSON array (ingest does the real work); file_id and
-- source_row default to 'fixture' and 0; extra is a JSON object as text, or null.
insert into payments (
  tx_id, ts, amount, currency, debtor_account, debtor_name, debtor_country, debtor_bank,
  creditor_account, creditor_name, creditor_country, creditor_bank, purpose, hs_code, extra, file_id,
  source_row
)
select r.tx_id, r.ts::timestamp, r.amount::decimal(18, 2), r.currency, r.debtor_account, r.debtor_name,
  r.debtor_country, r.debtor_bank, r.creditor_account, r.creditor_name, r.creditor_country,
  r.creditor_bank, r.purpose, r.hs_code, r.extra::json, coalesce(r.file_id, 'fixture'),
  coalesce(r.source_row, 0)
from (
  select unnest(from_json($rows::json,
    '[{"tx_id":"VARCHAR","ts":"VARCHAR","amount":"VARCHAR","currency":"VARCHAR","debtor_account":"VARCHAR","debtor_name":"VARCHAR","debtor_country":"VARCHAR","debtor_bank":"VARCHAR","creditor_account":"VARCHAR","creditor_name":"VARCHAR","creditor_country":"VARCHAR","creditor_bank":"VARCHAR","purpose":"VARCHAR","hs_code":"VARCHAR","extra":"VARCHAR","file_id":"VARCHAR","source_row":"BIGINT"}]'
  )) as r
)

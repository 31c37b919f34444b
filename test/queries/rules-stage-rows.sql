-- Test fixtures only: a file's rows (a JSON array of objects with the transfer fields as text) staged
-- as the temporary table stg_in that the ingest checks read, numbered from line 2.
create or replace temp table stg_in as
select (i + 2)::bigint as source_row, r.tx_id, r.ts, r.amount, r.currency, r.debtor_account,
  r.debtor_name, r.debtor_country, r.debtor_bank, r.creditor_account, r.creditor_name,
  r.creditor_country, r.creditor_bank, r.purpose, r.hs_code, null::varchar as extra
from (
  select unnest(from_json($rows, '[{"tx_id": "VARCHAR", "ts": "VARCHAR", "amount": "VARCHAR", "currency": "VARCHAR", "debtor_account": "VARCHAR", "debtor_name": "VARCHAR", "debtor_country": "VARCHAR", "debtor_bank": "VARCHAR", "creditor_account": "VARCHAR", "creditor_name": "VARCHAR", "creditor_country": "VARCHAR", "creditor_bank": "VARCHAR", "purpose": "VARCHAR", "hs_code": "VARCHAR"}]')) as r,
    generate_subscripts(from_json($rows, '["JSON"]'), 1) - 1 as i
)

-- Test fixtures only: each staged row's verdict after the ingest checks, with the row as JSON text.
select source_row::integer as source_row, ok, rule,
  to_json({'tx_id': tx_id, 'ts': ts, 'amount': amount, 'currency': currency,
    'debtor_account': debtor_account, 'debtor_name': debtor_name, 'debtor_country': debtor_country,
    'debtor_bank': debtor_bank, 'creditor_account': creditor_account, 'creditor_name': creditor_name,
    'creditor_country': creditor_country, 'creditor_bank': creditor_bank, 'purpose': purpose,
    'hs_code': hs_code})::varchar as row
from stg_checked
order by source_row

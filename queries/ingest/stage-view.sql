-- The staged rows cleaned up: trimmed, empty → null, codes upper-case, IBAN-shaped accounts without
-- spaces. Validation and landing both read this view, so each rule sees exactly what lands.
create or replace temp view stg as
select
  source_row,
  rw_clean(tx_id) as tx_id,
  rw_clean(ts) as ts,
  rw_clean(amount) as amount,
  rw_code(currency) as currency,
  rw_account(debtor_account) as debtor_account,
  rw_clean(debtor_name) as debtor_name,
  rw_code(debtor_country) as debtor_country,
  rw_code(debtor_bank) as debtor_bank,
  rw_account(creditor_account) as creditor_account,
  rw_clean(creditor_name) as creditor_name,
  rw_code(creditor_country) as creditor_country,
  rw_code(creditor_bank) as creditor_bank,
  rw_clean(purpose) as purpose,
  rw_clean(hs_code) as hs_code,
  extra
from stg_raw

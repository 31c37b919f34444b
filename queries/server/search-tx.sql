select tx_id, ts, amount::varchar as amount, currency, debtor_account, creditor_account
from payments
where tx_id = $q
limit 1

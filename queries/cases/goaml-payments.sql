-- The payments of one alert for a goAML report, in time order: the amount in the FIU's local
-- currency $local at the payment's date through the active reference rates (rw_fx_day_factors in
-- queries/schema/060_fx_rates.sql) with the rate used, and the banks' names where the payment
-- carried them (extra columns debtor_bank_name / creditor_bank_name). local_amount is null when
-- the payment's currency has no rate on that day.
with rows as (
  select p.*
  from alert_transfers t
  join payments p on p.tx_id = t.tx_id
  where t.alert_id = $alert_id
),
days as (select min(ts)::date as d0, max(ts)::date as d1 from rows)
select r.tx_id, strftime(r.ts, '%Y-%m-%dT%H:%M:%S') as ts, r.amount::varchar as amount, r.currency,
  r.debtor_account, r.debtor_name, r.debtor_country, r.debtor_bank,
  nullif(trim(json_extract_string(r.extra, '$.debtor_bank_name')), '') as debtor_bank_name,
  r.creditor_account, r.creditor_name, r.creditor_country, r.creditor_bank,
  nullif(trim(json_extract_string(r.extra, '$.creditor_bank_name')), '') as creditor_bank_name,
  r.purpose, r.hs_code,
  -- the local currency is itself; another converts at that day's rate, rounded to the cent
  case when r.currency = $local then r.amount::varchar
    else round(r.amount::double * f.factor, 2)::decimal(18, 2)::varchar end as local_amount,
  case when r.currency = $local then null else f.factor::decimal(28, 10)::varchar end as fx_rate
from rows r
left join rw_fx_day_factors($local, (select d0 from days), (select d1 from days)) f
  on f.currency = r.currency and f.day = r.ts::date
order by r.ts, r.tx_id

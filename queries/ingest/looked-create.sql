-- What the rules (checked-create.sql) look up for each staged row of one file: the faults of its
-- values (stg_faults, judged once per distinct value by faults-create.sql), the first row of its
-- tx_id when the file uses it twice (stg_dup) and whether the tx_id was landed before (stg_seen).
create or replace temp view stg_looked as
select
  s.*,
  cur.fault as currency_fault,
  -- decimals the currency allows, as far as ringwatch stores them (≤ 2); null: unknown currency
  case cur.fault when 'unknown' then null when 'odd' then cur.minor_units else 2 end as minor_units,
  di.fault as debtor_iban_fault,
  ci.fault as creditor_iban_fault,
  dbb.fault is not null as debtor_bic_bad,
  cbb.fault is not null as creditor_bic_bad,
  dk.fault is not null as debtor_country_bad,
  ck.fault is not null as creditor_country_bad,
  hs.fault is not null as hs_bad,
  d.first_row as dup_first_row,
  seen.tx_id is not null as already_landed
from stg s
left join stg_faults cur on cur.kind = 'currency' and cur.value = s.currency
left join stg_faults di on di.kind = 'account' and di.value = s.debtor_account
left join stg_faults ci on ci.kind = 'account' and ci.value = s.creditor_account
left join stg_faults dbb on dbb.kind = 'bank' and dbb.value = s.debtor_bank
left join stg_faults cbb on cbb.kind = 'bank' and cbb.value = s.creditor_bank
left join stg_faults dk on dk.kind = 'country' and dk.value = s.debtor_country
left join stg_faults ck on ck.kind = 'country' and ck.value = s.creditor_country
left join stg_faults hs on hs.kind = 'hs' and hs.value = s.hs_code
left join stg_dup d on d.tx_id = s.tx_id
left join stg_seen seen on seen.tx_id = s.tx_id

-- The values of one file that break a rule, once per distinct value (cleaned as the rows are):
-- accounts shaped like an IBAN with a wrong length or check digits, banks that are no BIC (shape, or
-- a country that does not exist), unknown countries, HS codes of the wrong shape, and currencies
-- that are unknown ('unknown') or allow fewer than 2 decimals ('odd', with their minor units).
-- stg_checked (checked-create.sql) joins the rows to it; for a clean file it is empty. Accounts,
-- by far the most values, are judged on their own (a CASE on the kind cost about a fifth more).
create or replace temp table stg_faults as
with
  -- the values as the rows hold them once cleaned (kinds no value of which changes: as read)
  cleaned as materialized (
    select kind, v as value from stg_values where kind not in (select kind from stg_unclean)
    union all
    select distinct
      kind,
      case kind when 'account' then rw_account(v) when 'hs' then rw_clean(v) else rw_code(v) end
    from stg_values
    where kind in (select kind from stg_unclean)
  ),
  -- per country that issues IBANs, the constants of the all-digit check (rw_iban_fault_known)
  iban_country as (
    select
      code,
      iban_length,
      (10 ** greatest(iban_length - 19, 0))::bigint as bban_scale,
      ((ascii(code) - 55) * 100 + ascii(substr(code, 2, 1)) - 55) * 100 as letters
    from ref_country
    where iban_length is not null
  ),
  -- an account whose first letters name no IBAN country is an account id of another kind
  accounts as (
    select
      'account' as kind,
      c.value,
      rw_iban_fault_known(c.value, k.iban_length, k.bban_scale, k.letters) as fault,
      null::integer as minor_units
    from cleaned c
    join iban_country k on k.code = substr(c.value, 1, 2)
    where c.kind = 'account'
  ),
  others as (
    select
      c.kind,
      c.value,
      case c.kind
        when 'bank' then case when not (rw_bic_shaped(c.value) and k.code is not null) then 'bad' end
        when 'country' then case when k.code is null then 'unknown' end
        when 'currency' then
          case when cur.code is null then 'unknown' when cur.minor_units < 2 then 'odd' end
        when 'hs' then case when not rw_hs_ok(c.value) then 'bad' end
      end as fault,
      case when c.kind = 'currency' then cur.minor_units end as minor_units
    from cleaned c
    -- the country a bank or a country field names
    left join ref_country k on k.code = case c.kind
        when 'bank' then substr(c.value, 5, 2)
        when 'country' then c.value
      end
    -- (a join on the code alone: with the kind in its condition it was planned as a nested loop)
    left join ref_currency cur on cur.code = c.value
    where c.kind <> 'account' and c.value is not null
  )
select kind, value, fault, minor_units from accounts where fault is not null
union all
select kind, value, fault, minor_units from others where fault is not null

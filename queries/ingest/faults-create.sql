-- The values of one file that break a rule, once per distinct value (cleaned as the rows are):
-- accounts shaped like an IBAN with a wrong length or check digits, banks that are no BIC (shape, or
-- a country that does not exist), unknown countries, HS codes of the wrong shape, and currencies
-- that are unknown ('unknown') or allow fewer than 2 decimals ('odd', with their minor units).
-- stg_checked (checked-create.sql) joins the rows to it; for a clean file it is empty.
create or replace temp table stg_faults as
with
  -- the values as the rows hold them once cleaned (kinds no value of which changes: as read)
  cleaned as (
    select kind, v as value from stg_values where kind not in (select kind from stg_unclean)
    union all
    select distinct
      kind,
      case kind when 'account' then rw_account(v) when 'hs' then rw_clean(v) else rw_code(v) end
    from stg_values
    where kind in (select kind from stg_unclean)
  ),
  looked as (
    select
      c.kind,
      c.value,
      k.code as country,
      k.iban_length,
      cur.code as currency,
      cur.minor_units
    from cleaned c
    -- the country an account, a bank or a country field names
    left join ref_country k on k.code = case c.kind
        when 'account' then substr(c.value, 1, 2)
        when 'bank' then substr(c.value, 5, 2)
        when 'country' then c.value
      end
    -- (a join on the code alone: with the kind in its condition it was planned as a nested loop)
    left join ref_currency cur on cur.code = c.value
    where c.value is not null
  ),
  judged as (
    select
      kind,
      value,
      case when kind = 'currency' then minor_units end as minor_units,
      case kind
        when 'account' then rw_iban_fault_fast(value, iban_length)
        when 'bank' then case when not (rw_bic_shaped(value) and country is not null) then 'bad' end
        when 'country' then case when country is null then 'unknown' end
        when 'currency' then
          case when currency is null then 'unknown' when minor_units < 2 then 'odd' end
        when 'hs' then case when not rw_hs_ok(value) then 'bad' end
      end as fault
    from looked
  )
select kind, value, fault, minor_units
from judged
where fault is not null

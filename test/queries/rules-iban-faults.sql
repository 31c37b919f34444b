-- Test fixtures only: the IBAN check and fault of each value of $values (a JSON array of text), and
-- whether rw_iban_fault_known with the constants of the account's country, as faults-create.sql
-- works them out, for the country's IBAN length and others, answers as rw_iban_fault.
with v as (select unnest(from_json($values, '["VARCHAR"]')) as s),
  k as (
    select v.s, n,
      (10 ** greatest(n - 19, 0))::bigint as scale,
      ((ascii(v.s) - 55) * 100 + ascii(substr(v.s, 2, 1)) - 55) * 100 as letters
    from v, (select unnest([length(v.s), 22, null]) as n))
select v.s, case when rw_iban_shaped(v.s) then rw_iban_ok(v.s) end as ok,
  rw_iban_fault(v.s, length(v.s)) as fault,
  bool_and(rw_iban_fault_known(k.s, k.n, k.scale, k.letters)
    is not distinct from rw_iban_fault(k.s, k.n)) as fast_same
from v join k on k.s = v.s
group by v.s

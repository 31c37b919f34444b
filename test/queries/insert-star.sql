-- Test fixtures only: a two-level star for large-graph views: $center pays $width accounts, each of
-- which pays $width accounts of its own ($width + $width² transfers).
insert into payments (tx_id, ts, amount, currency, debtor_account, debtor_name, debtor_country,
  debtor_bank, creditor_account, creditor_name, creditor_country, creditor_bank, purpose, hs_code,
  extra, file_id, source_row)
select
  'STAR-' || a::varchar || '-' || coalesce(b::varchar, 'x'),
  timestamp '2026-03-15 10:00:00' + to_minutes(a::bigint),
  (1000 + a * 10 + coalesce(b, 0))::decimal(18, 2),
  'EUR',
  case when b is null then $center else 'STARL1-' || a::varchar end,
  null, 'DE', null,
  case when b is null then 'STARL1-' || a::varchar else 'STARL2-' || a::varchar || '-' || b::varchar end,
  null, 'NL', null, null, null, null, 'star', a
from range($width::bigint) t(a), (select null::bigint as b union all select * from range($width::bigint)) u(b)

-- Candidate party hits of the payments in a period: every (account, name as written) whose name the
-- matcher paired with a list entry (name_hits of the current lists_key), with what the second
-- signals need: the entry's countries and dates of birth; the party's own countries and its banks'
-- countries (BIC letters 5-6) on those payments, the dates of birth and the kind of party (a
-- pacs.008 party identified by PrvtId is a person, by OrgId an organisation) the payments carry,
-- and the entry's identifiers found in the remittance text of the party's payments.
with win as (
  select debtor_account, debtor_name, debtor_country, debtor_bank, creditor_account, creditor_name,
    creditor_country, creditor_bank, purpose, extra
  from payments
  where ts >= $from::timestamp
    and ts <= $to::timestamp
),
sides as (
  select debtor_account as account, debtor_name as name, debtor_country as country,
    debtor_bank as bank, json_extract_string(extra, '$.debtor_birth_date') as birth_date,
    json_extract_string(extra, '$.debtor_type') as party_type, purpose
  from win
  union all
  select creditor_account, creditor_name, creditor_country, creditor_bank,
    json_extract_string(extra, '$.creditor_birth_date'),
    json_extract_string(extra, '$.creditor_type'), purpose
  from win
),
named as (
  select s.* from sides s
  semi join (select distinct name from name_hits where lists_key = $lists_key) h on h.name = s.name
),
cand as (
  select distinct n.account, n.name, h.entry_id, h.snapshot_id
  from named n
  join name_hits h on h.name = n.name and h.lists_key = $lists_key
),
ctx as (
  select account, name,
    list_distinct(list(upper(country)) filter (where country is not null and country <> ''))
      as countries,
    list_distinct(list(upper(substr(bank, 5, 2))) filter (where length(bank) >= 6))
      as bic_countries,
    list_distinct(list(birth_date) filter (where birth_date is not null)) as birth_dates,
    list_distinct(list(party_type) filter (where party_type is not null)) as party_types
  from named
  group by account, name
),
ids as (
  -- identifiers are compared as upper-case letters and digits
  select c.account, c.name, c.entry_id, c.snapshot_id, list_distinct(list(i.id)) as found
  from cand c
  join list_entries e on e.snapshot_id = c.snapshot_id and e.entry_id = c.entry_id
  cross join unnest(coalesce(e.identifiers, [])) as i(id)
  join named n on n.account = c.account and n.name = c.name
  where n.purpose is not null
    and contains(regexp_replace(upper(n.purpose), '[^A-Z0-9]', '', 'g'), i.id)
  group by c.account, c.name, c.entry_id, c.snapshot_id
)
select c.account, c.name, h.entry_id, h.snapshot_id, h.score, h.list_source, h.schema, h.caption,
  h.matched_name, coalesce(h.name_kind, 'name') as name_kind, h.parts, h.explanation,
  e.countries as entry_countries, coalesce(e.birth_dates, []) as entry_birth_dates,
  coalesce(d.found, []) as identifiers_found, coalesce(x.countries, []) as party_countries,
  coalesce(x.bic_countries, []) as bic_countries, coalesce(x.birth_dates, []) as party_birth_dates,
  coalesce(x.party_types, []) as party_types
from cand c
join name_hits h on h.lists_key = $lists_key and h.name = c.name and h.entry_id = c.entry_id
  and h.snapshot_id = c.snapshot_id
join list_entries e on e.snapshot_id = c.snapshot_id and e.entry_id = c.entry_id
left join ctx x on x.account = c.account and x.name = c.name
left join ids d on d.account = c.account and d.name = c.name and d.entry_id = c.entry_id
  and d.snapshot_id = c.snapshot_id
order by c.account, c.name, h.list_source, h.entry_id

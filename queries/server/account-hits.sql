-- Watch-list hits of one account, open ones first (closed ones keep their note).
select hit_id, account, name, entry_id, snapshot_id, score, list_source, schema, caption,
  matched_name, name_kind, parts, rule, signals, status, reason, first_snapshot_id, opened_at,
  closed_at, close_note, explanation, screened_at
from party_hits
where account = $account
order by status = 'closed', score desc, hit_id

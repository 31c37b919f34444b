select account, name, entry_id, snapshot_id, score, list_source, schema, caption, matched_name,
  explanation, screened_at
from party_hits
where account = $account
order by score desc

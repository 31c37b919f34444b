-- Test fixtures only: tampers with one audit row as someone with write access to the database file
-- could; a null parameter leaves its field as it is.
update audit_log set
  after = coalesce($after::json, after),
  actor = coalesce($actor::varchar, actor),
  entity_id = coalesce($entity_id::varchar, entity_id),
  reason = coalesce($reason::varchar, reason),
  prev_hash = coalesce($prev_hash::varchar, prev_hash),
  hash = coalesce($hash::varchar, hash)
where seq = $seq

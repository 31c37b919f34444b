insert into jobs (id, kind, source, status, params, created_by, created_at, owner)
values ($id, $kind, $source, 'queued', $params::json, $created_by, $now::timestamp, $owner)

-- A landed file of this (resolved) path and size: the file at hand is probably the same one, so it
-- is hashed before anything else and skipped (ingest-paths.ts).
select file_id
from ingest_files
where path = $path and size_bytes = $size_bytes
limit 1

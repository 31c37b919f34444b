-- Test fixtures only: every alert's id, version, score, status and provenance (as JSON text).
select id, version, score, status, provenance::varchar as provenance from alerts order by id

-- Jobs another server process left queued or running: it stopped, so they will not finish.
update jobs set status = 'interrupted', finished_at = $now::timestamp
where status in ('queued', 'running') and owner <> $owner

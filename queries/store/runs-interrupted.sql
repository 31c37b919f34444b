-- Runs left 'running' by a process that ended before finishing them (killed, crashed): any run of
-- another process, since only one process can write the database at a time ($owner: this
-- process's id; its own runs are left alone). Marked when the database is opened for writing.
update runs
set status = 'interrupted',
  finished_at = $now::timestamp,
  summary = json_object('note', 'the process ended before this run finished (killed or crashed); '
    || 'whatever it had not committed was rolled back')
where status = 'running' and owner is distinct from $owner

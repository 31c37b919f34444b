-- The state of a complete scan (see queries/schema/064_scan_state.sql).
insert into scan_state (run_id, window_from, window_to, history_start, data_end, basis, files, created_at)
values ($run_id, $window_from, $window_to, $history_start::double, $data_end::double, $basis, $files::json,
  $now::timestamp)

-- Test fixtures only.
insert into quarantine (file_id, path, source_row, column_name, raw_value, reason_code, reason,
  raw_row)
values ($file_id, $path, $source_row, $column_name, $raw_value, $reason_code, $reason, $raw_row)

-- Test fixtures only: every quarantined row.
select file_id, path, source_row::integer as source_row, column_name, raw_value, reason_code, reason,
  raw_row
from quarantine
order by path, source_row, column_name

-- Test fixtures only: every landed payment's fields as stored (ts as DuckDB writes it, extra as JSON
-- text), by tx_id; the file and line it came from left out, so that the same rows from different
-- files compare equal.
select * exclude (file_id, source_row, extra) replace (ts::varchar as ts), extra::varchar as extra
from payments
order by tx_id

-- Test fixtures only: what one ingested file left: payments, and distinct quarantined lines.
select (select count(*) from payments where file_id = $file_id)::integer as payments,
  (select count(distinct source_row) from quarantine where file_id = $file_id)::integer as quarantined

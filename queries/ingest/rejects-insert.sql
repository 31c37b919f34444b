-- Adds rows that could not be read into fields ($rows: JSON array of reject objects).
insert into stg_rejects
select unnest(from_json($rows, '[{"source_row": "BIGINT", "column_name": "VARCHAR",
  "raw_value": "VARCHAR", "reason_code": "VARCHAR", "reason": "VARCHAR", "raw_row": "VARCHAR"}]'),
  recursive := true)

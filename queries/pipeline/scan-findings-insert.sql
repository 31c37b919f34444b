-- Findings of the seedable detectors, three JSON arrays of the same length (detector, seed account,
-- the finding as JSON text, kept as written).
insert into scan_findings (run_id, detector, seed, finding)
select $run_id, unnest(from_json($detectors, '["varchar"]')), unnest(from_json($seeds, '["varchar"]')),
  unnest(from_json($findings, '["varchar"]'))

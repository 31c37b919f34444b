-- Findings of the seedable detectors from the staged batch (scan-findings-stage-create.sql).
insert into scan_findings (run_id, detector, seed, finding)
select $run_id, detector, seed, finding
from scan_findings_staged

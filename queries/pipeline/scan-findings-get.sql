-- The stored findings of the seedable detectors of the scan whose state is given.
select detector, seed, finding
from scan_findings
where run_id = $run_id

-- Forgets the stored findings of earlier scans (the write stage stores the new ones in the same
-- transaction).
delete from scan_findings

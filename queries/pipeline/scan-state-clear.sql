-- Forgets the state of earlier scans (the write stage stores the new one in the same transaction).
delete from scan_state

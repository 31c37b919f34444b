-- Test fixtures only: every landed payment deleted.
delete from payments

-- Test fixtures only: the IBAN check of the ingest rules on one value.
select rw_iban_ok($iban) as ok

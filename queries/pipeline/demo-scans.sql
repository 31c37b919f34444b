-- Successful scans so far: the demo scans again only when something new arrived or none ran.
select count(*) as n from runs where kind = 'scan' and status = 'ok'

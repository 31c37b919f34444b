-- The staging table goes before the file's transaction commits: it is never part of the database.
drop table stg

-- Applied migrations, oldest first.
select version, name, checksum, applied_at from schema_migrations order by version

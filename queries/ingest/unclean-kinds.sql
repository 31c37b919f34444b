-- The kinds of value that need clean-up row by row (values-unclean.sql).
select kind from stg_unclean

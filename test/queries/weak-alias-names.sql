-- Test fixtures only: party names matched to a list entry through a weak alias.
select count(distinct name)::integer as n from name_hits where name_kind = 'weakAlias'

insert into screened_names
select $lists_key, unnest(from_json($names::json, '["VARCHAR"]'))

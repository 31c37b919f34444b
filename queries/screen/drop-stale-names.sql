-- Cached screenings made against other list versions or settings are of no further use.
delete from screened_names where lists_key <> $lists_key

delete from name_hits where lists_key <> $lists_key

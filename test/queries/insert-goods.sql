-- Test fixtures only: one controlled-goods flag.
insert into tx_goods (tx_id, category, tier, source, terms, mismatch, hs_code, hs_prefix, description)
values ($tx_id, $category, '2', 'hs', ['cnc'], false, '8457', '8457', 'machining centres')

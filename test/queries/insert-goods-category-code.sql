-- Test fixtures only: one HS prefix of a goods category.
insert into goods_category_codes (snapshot_id, category, kind, label, prefix)
values ($snapshot_id, $category, $kind, $label, $prefix)

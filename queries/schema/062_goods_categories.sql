-- Goods mismatch by category: what goods each description category names and under which HS 2022
-- chapters, headings or subheadings they are classified; the HS 2017 codes HS 2022 split or
-- renumbered; and, per flagged transfer, why its description and code disagree.

create table goods_category_codes (
  snapshot_id varchar not null,
  category varchar not null,            -- a lexicon category
  kind varchar not null,                -- controlled | consumer | industrial | generic
  label varchar not null,               -- plain words for reasons ('kitchen appliances')
  prefix varchar                        -- HS 2022 prefix (2 to 6 digits); null: generic, fits no code
);

create table hs_successors (
  snapshot_id varchar not null,
  hs2017 varchar not null,              -- 6-digit HS 2017 subheading that no longer exists in HS 2022
  hs2022 varchar not null               -- one of its HS 2022 successors (4 or 6 digits)
);

alter table tx_goods add column declared_categories varchar[];  -- lexicon categories of the description
alter table tx_goods add column hs2022 varchar[];     -- successors of an HS 2017 code the classification used
alter table tx_goods add column code_heading varchar; -- the code's HS 2022 heading (4 digits)
alter table tx_goods add column code_category varchar; -- goods-list category of the code, or the category covering it
alter table tx_goods add column mismatch_reason varchar; -- why description and code disagree (null: they don't)

-- Alerts carry their amount in the base currency (config fx.base_currency) beside the original
-- total_amount and currency; null where a transfer's currency had no reference rate, and for alerts
-- written before reference rates existed.
alter table alerts add column total_amount_base decimal(18, 2);
alter table alerts add column base_currency varchar;

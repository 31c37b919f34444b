-- The earliest transfer in the database (epoch µs): no history exists before it.
select epoch_us(min(ts))::double as first_ts
from payments

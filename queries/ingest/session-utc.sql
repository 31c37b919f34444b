-- Timestamps without a zone are read as UTC, and zoned ones are converted to UTC.
set TimeZone = 'UTC'

-- Back to DuckDB's own join planning (see join-order.sql).
reset disabled_optimizers

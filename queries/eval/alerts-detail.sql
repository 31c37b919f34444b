select id, reasons::varchar as reasons, finding::varchar as finding from alerts

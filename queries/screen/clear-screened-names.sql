-- Forgets every cached name screening (the next scan matches every name again).
delete from screened_names

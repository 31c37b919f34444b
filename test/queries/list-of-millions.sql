-- One list of 20 million integers (about 160 MB): more than memory-tiny.sql allows in memory.
select len(list(i)) as n from range(20000000) t(i)

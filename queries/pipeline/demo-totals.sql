select (select count(*) from payments) as transfers, (select count(*) from alerts) as alerts

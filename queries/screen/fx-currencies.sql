-- ISO 4217 codes a reference rate may be given for: the currencies payments can carry.
select code from ref_currency order by code

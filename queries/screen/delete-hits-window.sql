-- Earlier hits of the accounts seen in the window are replaced by this screening.
delete from party_hits
where account in (
  select debtor_account from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
  union
  select creditor_account from payments
  where ts >= $from::timestamp
    and ts < (case when length($to) <= 10 then $to::date + interval 1 day
                   else $to::timestamp + interval 1 microsecond end)
)

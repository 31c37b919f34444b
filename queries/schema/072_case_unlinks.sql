-- An analyst or supervisor took an alert out of a case (issue 17): the scan's case grouping keeps
-- the alert apart from the alerts of that case (src/cases/case-grouping.ts) until someone links
-- them again by hand (which forgets the row).
create table case_unlinks (
  alert_id varchar not null,
  case_id varchar not null,               -- the case it was taken out of
  unlinked_by varchar not null,
  unlinked_at timestamp not null,
  reason varchar not null
);

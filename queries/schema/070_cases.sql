-- Cases: the alerts of one ring or network worked as one (src/cases/case-*.ts). A case has one
-- status, assignee and pending proposal (the same statuses and transitions as an alert); its open
-- alerts follow its state. An alert is in at most one case.
create table cases (
  id varchar primary key,                 -- 'C-' + hex
  status varchar not null,                -- see schema/alert.ts ALERT_STATUSES
  assignee varchar,
  proposed_by varchar,                    -- maker of a pending proposal (four eyes)
  proposed_outcome varchar,               -- closed_false_positive | closed_benign | reported
  created_by varchar not null,            -- the scan service, or the analyst who linked two alerts
  created_at timestamp not null,
  updated_at timestamp not null
);

create table case_alerts (
  alert_id varchar primary key,
  case_id varchar not null,
  joined_at timestamp not null,
  linked_by varchar,                      -- the analyst who linked it; null when a scan grouped it
  why varchar not null                    -- what links it: shared transfers or accounts, or the analyst's reason
);

create table case_notes (
  case_id varchar not null,
  author varchar not null,
  created_at timestamp not null,
  text varchar not null
);

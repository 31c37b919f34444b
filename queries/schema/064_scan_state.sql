-- What the latest complete scan saw (issue 14, incremental daily scans): its window, the history
-- start the detectors measured from, a hash of everything its findings depend on besides the
-- payments (config, detector version, list and fx snapshots, matcher version, seed), and the
-- ingest files it covered. The next scan detects incrementally only when these still hold.
create table scan_state (
  run_id varchar primary key,
  window_from varchar not null,
  window_to varchar not null,
  history_start double not null,      -- epoch µs: max(earliest payment, window start - lookback)
  data_end double not null,           -- epoch µs: the window's last transfer, as the detectors saw it
  basis varchar not null,
  files json not null,                -- ingest_files.file_id of every file landed when it began
  created_at timestamp not null
);

-- The findings of the seedable detectors (detect/incremental.ts) of that scan, with the account
-- that seeded each: an incremental scan keeps those whose seed it need not search again.
create table scan_findings (
  run_id varchar not null,
  detector varchar not null,
  seed varchar not null,
  finding varchar not null           -- JSON text as the detector wrote it
);

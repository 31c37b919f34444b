// The command line's help: one line per command for `ringwatch --help` and the full usage of each
// for `ringwatch <command> --help`. Nothing is imported here, so that help never loads a command's
// modules (DuckDB, the graph, the server): the commands load only when they run (main.ts).
// Lists of values (formats, reason codes) are written out; help.test.ts holds them to the code.

/** Every command, in the order `ringwatch --help` lists them; each runs from commands/<name>.ts. */
export const HELP = {
  ingest: {
    summary: 'land transfer files (CSV, Parquet, Arrow IPC, JSON lines, pacs.008 XML)',
    usage: `ringwatch ingest <file|dir>… [--db P] [--format csv|parquet|arrow|jsonl|pacs008] [--json] [--quiet] [--config F]

Lands transfer files in the database. A directory means every file inside with a known extension
(.csv .tsv .txt .parquet .arrow .arrows .ipc .feather .jsonl .ndjson .xml), sorted. The format comes
from the extension unless --format is given. Each file lands in one transaction; a file whose bytes
were landed before is skipped. Rows that break a rule go to the quarantine table with their line
and reason; the others land.

  --db P        database file (default ./data/ringwatch.duckdb)
  --format F    read every file as F: csv, parquet, arrow, jsonl, pacs008
  --json        print the summary as JSON (stdout; progress goes to stderr)
  --quiet       no progress on stderr (a bar on a terminal, else one line per file as it lands)
  --config F    configuration file (default ./ringwatch.config.json when present)

Exit codes: 0 files landed (quarantined rows are not a failure), 2 bad usage or a file that could
not be read at all (the other files still land), 1 any other failure.`,
  },
  quarantine: {
    summary: 'show the rows ingest quarantined, by file and reason, or export them for repair',
    usage: `ringwatch quarantine [summary] [--db P] [--file F] [--run R] [--reason CODE] [--json]
ringwatch quarantine list [--db P] [--file F] [--run R] [--reason CODE] [--limit N] [--json]
ringwatch quarantine export [--db P] [--file F] [--run R] [--reason CODE] [--out F] [--json]

The rows ingest refused, each with its file, line (row for Parquet and Arrow, transaction for
pacs.008), field, raw value and the reason.

summary  rows counted by file and reason (the default)
list     the rows themselves, oldest file first (--limit N, default 50; 0 for all)
export   every matching row for repair and resubmission: CSV with a header (file, line, column,
         raw_value, reason_code, reason, raw_row), or JSON lines with --json; to --out F or stdout.
         raw_row is the line as read for rows that could not be split into fields, and the row's
         fields (trimmed) as JSON for rows that broke a rule.

  --file F      a file as given to ingest (from any directory) or its SHA-256 (the file id)
  --run R       an ingest run id (printed by ingest --json as run_id)
  --reason C    a reason code: missing_field, bad_timestamp, future_timestamp, bad_amount,
                nonpositive_amount, amount_too_large, amount_scale, unknown_currency, bad_iban,
                same_account, bad_bic, unknown_country, bad_hs_code, duplicate_tx_id, tx_id_exists,
                wrong_column_count, unterminated_quote, invalid_utf8, bad_json
  --db P        database file (default ./data/ringwatch.duckdb); read only, so not while
                another process (serve, ingest, scan) has it open`,
  },
  lists: {
    summary:
      'import watch lists, goods lists and reference rates as versioned snapshots; list them; diff two',
    usage: `usage:
  ringwatch lists import <file> --kind sanctions|goods|fx [--format F] [--alt F] [--add F] [--base CUR]
                         [--config F] [--db P] [--json]
  ringwatch lists list [--db P] [--json]
  ringwatch lists diff <snapshot A> <snapshot B> [--db P] [--json]

import   keeps the file as a new list snapshot and makes it the active one of its list (same file
         name and format; for --kind fx, the one reference-rate table in force); the same file
         again changes nothing. Malformed rows are reported with their line and field and left out.
         --format   targets-simple | ftm | ofac-sdn | plain-csv | goods-hs | goods-lexicon | goods-categories | hs-successors | ecb-hist | plain-rates (detected from the content when not given)
         --alt      OFAC alt.csv aliases for an sdn.csv (found beside sdn.csv when not given)
         --add      OFAC add.csv addresses for an sdn.csv (found beside sdn.csv when not given)
         --base     plain-rates: the currency rate_to_base is quoted in (default: config
                    fx.base_currency); ECB's eurofxref-hist.csv is always per 1 EUR
         --config   config file (default ./ringwatch.config.json when present); its screening
                    settings re-screen every party already known against a new sanctions list
                    version (new hits are raised by the next scan with the list change as
                    reason; hits of entities removed close with a note, never deleted)
list     shows every snapshot: id, kind, format, file hash, date, entries, active.
diff     what changed from snapshot A to snapshot B: entries added, removed and changed (names or
         aliases added or removed, caption, countries)
         --db       database file (default ./data/ringwatch.duckdb)`,
  },
  scan: {
    summary: 'screen, detect, score and write alerts',
    usage: `ringwatch scan [--db P] [--from D] [--to D] [--full] [--json] [--quiet] [--config F]

Screens the parties, goods and routes of the window, builds its payment graph, runs the detectors,
scores the findings and writes alerts (merged with earlier alerts of the same pattern).
Incremental by default: after an earlier scan, the fan detector searches again only around the
transfers landed since and keeps its other findings, giving what a full scan gives; the first
scan, a changed window, config, detector or matcher version, list or rate snapshot, or new
transfers outside the window make it a full scan, and the detect stage's line says why.
  --from D, --to D   window bounds, YYYY-MM-DD (whole days) or ISO 8601; default the 30 days up to
                     the latest payment
  --full             detect over the whole window even when an incremental scan could
  --json             print the run summary as JSON (stdout; progress goes to stderr)
  --quiet            no progress on stderr (a bar on a terminal, else one line per finished stage)
  --config F         config file (default ./ringwatch.config.json when present)`,
  },
  alerts: {
    summary: 'export or list alerts',
    usage: `ringwatch alerts export [--db P] [--format jsonl|csv|goaml|ftm] [--out F] [--status S] [--id A]…
ringwatch alerts list [--db P] [--status S] [--limit N] [--json]

export   writes alerts: jsonl (the alert record, default, to stdout), csv, goaml (a goAML STR XML for
         one reported alert; needs the reporting entity and the FIU's codes in config cases.goaml)
         or ftm (FollowTheMoney entities of each alert's payments). Every export is recorded in the
         audit log under $RINGWATCH_ACTOR (default the OS user).
list     the alert queue, highest score first.`,
  },
  audit: {
    summary: 'verify the keyed, checkpointed audit log; make an audit key',
    usage: `ringwatch audit verify [--db P] [--json] [--config F]
ringwatch audit keygen --out F

verify   checks the append-only audit log: every row's keyed hash (HMAC-SHA256 under the audit
         key), the links between rows, the chain's head, and the latest signed checkpoint in the
         checkpoint file. Exit 0 when intact; 1 naming every row that does not hold (edited,
         missing or reordered, a broken link, a cut-off tail, a rewritten chain).
keygen   writes a fresh audit key (64 hex digits) to F, readable by its owner only; never
         overwrites a file. Point RINGWATCH_AUDIT_KEY_FILE or audit.key_file at it, and keep it
         (and a copy) outside the database's folder: without it the chain cannot be verified.

The key comes from RINGWATCH_AUDIT_KEY, RINGWATCH_AUDIT_KEY_FILE or audit.key_file in the config;
the checkpoints from RINGWATCH_AUDIT_CHECKPOINTS, audit.checkpoint_file, or <database>.audit-checkpoints.`,
  },
  batch: {
    summary: 'list import + ingest + scan for unattended runs, with a JSON report',
    usage: `ringwatch batch <dir> [--db P] [--lists F]… [--require-lists] [--report F] [--config F]
                [--json] [--quiet]

Imports the given watch / goods lists and reference rates (F or sanctions:F, goods:F, fx:F; a name
with goods/hs is a goods list, one with fx/rates/eurofxref reference rates, plain-rates files quoted
in config fx.base_currency), ingests every transfer file under <dir>, scans, and writes a JSON run report (default
<db dir>/reports/batch-<run>.json). Exit 0 when all went well; 2 when a file or list could not be
read; 1 on any other failure. Quarantined rows are counted in the report, not failures. The summary
counts the lists the run imported by kind (--lists files and the default goods lists and rates a scan
imports when none is active).

Without an active sanctions list (imported before with 'ringwatch lists import F --kind sanctions',
or now with --lists sanctions:F) parties go unscreened: batch warns, and with --require-lists fails
(exit 2) before it ingests or scans anything.
  --json     print the report as JSON (stdout; progress and warnings go to stderr)
  --quiet    no progress on stderr (a bar on a terminal, else one line per finished stage)`,
  },
  serve: {
    summary: 'serve the API and the dashboards',
    usage: `ringwatch serve [--db P] [--port N] [--host H] [--config F]

Serves the API under /api and the dashboards on http://127.0.0.1:8080/ by default, and owns the
database: batch work runs in it, one job at a time (POST /api/jobs for the batch role, the inbox
folder batch.inbox, the schedule batch.schedule), and commands run while it serves go through its
API (the URL is in <database>.owner.json; RINGWATCH_API_KEY). Needs the audit key. Every /api route
but /api/health needs an API key (ringwatch users add <id> --role R) or a bearer JWT when
RINGWATCH_JWT_ISSUER, RINGWATCH_JWT_AUDIENCE and RINGWATCH_JWT_SECRET (HS256) or
RINGWATCH_JWT_PUBLIC_KEY (PEM, RS256/ES256) are set.`,
  },
  users: {
    summary: 'add, list and disable API users (keys are printed once, stored hashed)',
    usage: `ringwatch users add <id> --role analyst|supervisor|fiu_viewer|admin|batch [--db P]
ringwatch users rekey <id> --role R [--db P]   issue a new key (the old one stops working)
ringwatch users list [--db P] [--json]
ringwatch users disable <id> [--db P]

add and rekey print the API key once; only its scrypt hash is stored. Send it as the X-API-Key
header (or Authorization: Bearer <key>), or paste it on the dashboards' login page.`,
  },
  generate: {
    summary: 'synthetic day files with planted patterns, truth.json and a watch list',
    usage: `usage: ringwatch generate --out DIR [--seed N] [--days N] [--per-day N] [--accounts N]
                          [--start YYYY-MM-DD] [--history-days N] [--format csv|parquet|arrow] [--json]
       ringwatch generate --from-amlsim DIR --out DIR [--start YYYY-MM-DD] [--json]

Writes one file per day (DIR/YYYY-MM-DD.csv, .parquet or .arrow) of synthetic payments with planted
patterns of every typology, DIR/truth.json (the answer key for 'ringwatch eval') and DIR/watchlist.csv
(OpenSanctions targets.simple.csv shape). The same seed always gives byte-identical files.

  --out DIR        output folder (created)
  --seed N         random seed (default 1)
  --days N         number of days (default 7)
  --per-day N      transfers per day on average (default 5000): the days share days × per-day
                   rows by the calendar (quiet weekends, busy month ends)
  --accounts N     background accounts (default 4 × per-day, within 1,000–300,000)
  --start DATE     first day with planted patterns, UTC (default 2026-10-01)
  --history-days N also write N days of background only before --start (default 0): the
                   lookback a bank's scan compares each account with
  --format F       csv (default), parquet or arrow
  --json           print the summary as JSON

With --from-amlsim, converts an IBM AMLSim run (transactions.csv: sourceNodeId, targetNodeId, value,
time = day step; nodes.csv: nodeid, isFraud, init_balance, fraudStep) instead: one canonical CSV file
per step (step 1 on --start, default 2025-01-01), every transaction one transfer in EUR,
accounts AMLSIM-000123, tx ids AMLSIM-<run>-T0000001, a deterministic time of day per transfer, and
truth.json with the labelled accounts (isFraud = 1) and the patterns reconstructed from them.
`,
  },
  eval: {
    summary: 'recall and precision of alerts against a truth file or an AMLSim run',
    usage: `usage: ringwatch eval (--truth F | --amlsim DIR [--start YYYY-MM-DD]) [--db P | --alerts F] [--json]

Scores alerts against the truth file written by 'ringwatch generate' (or by
'ringwatch generate --from-amlsim'), or against an AMLSim run converted on the fly:
  per pattern: per-typology recall, alert precision, precision at K (K = planted patterns, alerts
    ranked by score, ties by id), controlled-goods rings found by a top-K alert. A pattern is found
    when one alert covers at least half of its transfers; an alert is true when at least half of its
    transfers are planted.
  per account: labelled accounts (the truth's labelled_accounts, e.g. AMLSim's isFraud = 1; else the
    accounts of the planted patterns), alerted accounts (named in at least one alert), recall and
    precision.
  alert load: alerts per 10,000 transfers (the payments in the latest scan's window with --db, the
    truth's row count with --alerts) and alerts per found pattern (alerts sharing a transfer with it).

  --truth F     truth.json of the generated or converted data
  --amlsim DIR  an AMLSim run (transactions.csv + nodes.csv): its truth is built in memory the way
                'ringwatch generate --from-amlsim' writes it (same --start, same tx ids)
  --start D     with --amlsim: the date of step 1 (default 2025-01-01)
  --db P        read the alerts and alert_transfers tables (default ./data/ringwatch.duckdb)
  --alerts F    read alerts from a JSON-lines file (ringwatch alerts export) instead
  --json        print the report as JSON
`,
  },
  demo: {
    summary: 'load the samples, scan, evaluate and serve the dashboards (npm start)',
    usage: `ringwatch demo [--db P] [--port N] [--host H] [--no-serve] [--config F]

Loads the committed samples (samples/days, samples/lists, samples/truth.json, samples/config.json
unless --config is given; or generates a set
beside the database when the repo has none), imports the lists, scans, prints the evaluation
against the truth file, creates the users demo-analyst, demo-supervisor, demo-fiu and demo-batch and prints
their API keys, then serves the dashboards (default http://127.0.0.1:8080/). Run it again to reuse
the database: nothing is landed twice and the demo users get fresh keys.`,
  },
} as const satisfies Record<string, { summary: string; usage: string }>

export type CommandName = keyof typeof HELP

export const COMMANDS = Object.keys(HELP) as CommandName[]

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(HELP, name)
}

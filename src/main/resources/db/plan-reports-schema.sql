-- plan-reports' own state beside the Spring Batch job repository. run_key is the job instance id.
CREATE TABLE IF NOT EXISTS pr_staged_value (
  run_key BIGINT NOT NULL,
  file VARCHAR(500) NOT NULL,
  line BIGINT NOT NULL,
  region VARCHAR(16) NOT NULL,
  yr INT NOT NULL,
  item VARCHAR(64) NOT NULL,
  val VARCHAR(64),
  raw VARCHAR(500),
  preliminary BOOLEAN NOT NULL,
  sample BOOLEAN NOT NULL,
  source VARCHAR(500),
  note VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS pr_staged_value_run ON pr_staged_value(run_key);

CREATE TABLE IF NOT EXISTS pr_finding (
  run_key BIGINT NOT NULL,
  severity VARCHAR(16) NOT NULL,
  code VARCHAR(64) NOT NULL,
  file VARCHAR(500) NOT NULL,
  line BIGINT NOT NULL,
  col VARCHAR(100),
  txt VARCHAR(2000),
  message VARCHAR(2000) NOT NULL,
  expected VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS pr_finding_run ON pr_finding(run_key);

-- One row per edition of a publication in one output folder (output_folder, resolved): each
-- output folder has editions of its own. A state database made before output_folder existed gets
-- it filled from folder and its primary key widened (PublicationsPerOutput, after this script).
CREATE TABLE IF NOT EXISTS pr_publication (
  output_folder VARCHAR(1000) NOT NULL,
  region VARCHAR(16) NOT NULL,
  publication VARCHAR(100) NOT NULL,
  edition INT NOT NULL,
  content_digest VARCHAR(64) NOT NULL,
  folder VARCHAR(1000) NOT NULL,
  job_execution_id BIGINT NOT NULL,
  reason VARCHAR(2000),
  published_at TIMESTAMP NOT NULL,
  PRIMARY KEY (output_folder, region, publication, edition)
);
ALTER TABLE pr_publication ADD COLUMN IF NOT EXISTS output_folder VARCHAR(1000);
-- The SHA-256 of the edition's manifest.json: an edition missing from disk is rebuilt only when
-- the rebuilt manifest is this one (null for editions recorded before it; their PDF and CSVs
-- are compared).
ALTER TABLE pr_publication ADD COLUMN IF NOT EXISTS manifest_digest VARCHAR(64);

-- PENDING while an edition is being moved into the output, PUBLISHED once it is there, MISSING
-- when a run found its folder gone from the output (until it is rebuilt or restored). Added after
-- the first release: a state database made before it gets the column, its editions PUBLISHED.
ALTER TABLE pr_publication ADD COLUMN IF NOT EXISTS status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL;

-- What one step hands the next, as typed rows anyone can read with SQL. Numbers are exact decimal
-- text (BigDecimal, plain unless its scale is negative). An older state database may still hold
-- pr_content, the serialized objects these tables replace: it is dropped.
DROP TABLE IF EXISTS pr_content;

-- derive: each indicator's value in each year for the plan's region, and the input figures it
-- was computed from (seq orders them as the formula names them).
CREATE TABLE IF NOT EXISTS pr_derived_value (
  run_key BIGINT NOT NULL,
  region VARCHAR(16) NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  yr INT NOT NULL,
  val VARCHAR(1000) NOT NULL,
  preliminary BOOLEAN NOT NULL,
  sample BOOLEAN NOT NULL,
  formula VARCHAR(4000) NOT NULL,
  PRIMARY KEY (run_key, region, indicator, yr)
);

CREATE TABLE IF NOT EXISTS pr_derived_source (
  run_key BIGINT NOT NULL,
  region VARCHAR(16) NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  yr INT NOT NULL,
  seq INT NOT NULL,
  file VARCHAR(4000) NOT NULL,
  line BIGINT NOT NULL,
  item VARCHAR(64) NOT NULL,
  raw VARCHAR(4000),
  val VARCHAR(1000),
  origin VARCHAR(4000),
  PRIMARY KEY (run_key, region, indicator, yr, seq)
);

-- assess: the publications the run publishes (figures_digest is set by render) and the
-- assessment of every target row each of them prints, with the target it was assessed against.
CREATE TABLE IF NOT EXISTS pr_run_publication (
  run_key BIGINT NOT NULL,
  publication VARCHAR(100) NOT NULL,
  figures_digest VARCHAR(64),
  PRIMARY KEY (run_key, publication)
);

CREATE TABLE IF NOT EXISTS pr_assessment (
  run_key BIGINT NOT NULL,
  publication VARCHAR(100) NOT NULL,
  tbl VARCHAR(100) NOT NULL,
  seq INT NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  stage VARCHAR(16) NOT NULL,
  attribute VARCHAR(16) NOT NULL,
  comparator VARCHAR(4) NOT NULL,
  target_value VARCHAR(1000),
  target_upper VARCHAR(1000),
  target_year INT NOT NULL,
  yr INT NOT NULL,
  status VARCHAR(32) NOT NULL,
  status_label VARCHAR(32) NOT NULL,
  baseline_year INT,
  baseline VARCHAR(1000),
  data_year INT,
  val VARCHAR(1000),
  time_progress_pct VARCHAR(1000),
  completion_pct VARCHAR(1000),
  schedule_ratio VARCHAR(1000),
  projection VARCHAR(1000),
  projection_met BOOLEAN,
  required_growth_pct VARCHAR(1000),
  met BOOLEAN NOT NULL,
  warning BOOLEAN NOT NULL,
  preliminary BOOLEAN NOT NULL,
  single_years_met INT NOT NULL,
  PRIMARY KEY (run_key, publication, tbl, seq)
);

-- An assessment's notes (注) in order, each as its code (NoteCode) and its arguments joined by
-- commas; the words are the publication's. A GROWTH target's single-year growths.
CREATE TABLE IF NOT EXISTS pr_assessment_note (
  run_key BIGINT NOT NULL,
  publication VARCHAR(100) NOT NULL,
  tbl VARCHAR(100) NOT NULL,
  seq INT NOT NULL,
  n INT NOT NULL,
  code VARCHAR(32),
  args VARCHAR(4000),
  PRIMARY KEY (run_key, publication, tbl, seq, n)
);
-- A state database of a version that stored each note's sentence (column note): the codes join it,
-- the sentences go. A run it left half-done has notes without a code and is not resumed.
ALTER TABLE pr_assessment_note ADD COLUMN IF NOT EXISTS code VARCHAR(32);
ALTER TABLE pr_assessment_note ADD COLUMN IF NOT EXISTS args VARCHAR(4000);
ALTER TABLE pr_assessment_note DROP COLUMN IF EXISTS note;

CREATE TABLE IF NOT EXISTS pr_assessment_growth (
  run_key BIGINT NOT NULL,
  publication VARCHAR(100) NOT NULL,
  tbl VARCHAR(100) NOT NULL,
  seq INT NOT NULL,
  yr INT NOT NULL,
  growth_pct VARCHAR(1000) NOT NULL,
  met BOOLEAN NOT NULL,
  PRIMARY KEY (run_key, publication, tbl, seq, yr)
);

-- The figures digest of an edition: what decides whether a publication's own figures changed.
-- Editions published before it existed have none and are compared by content_digest.
ALTER TABLE pr_publication ADD COLUMN IF NOT EXISTS figures_digest VARCHAR(64);

-- Rows per file and region code read by a run's ingest (rows of other regions are counted, not
-- staged), for the region coverage rule.
CREATE TABLE IF NOT EXISTS pr_region_rows (
  run_key BIGINT NOT NULL,
  file VARCHAR(500) NOT NULL,
  region VARCHAR(20) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (run_key, file, region)
);

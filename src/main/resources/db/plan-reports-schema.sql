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

CREATE TABLE IF NOT EXISTS pr_content (
  run_key BIGINT NOT NULL,
  publication VARCHAR(100) NOT NULL,
  content BLOB NOT NULL,
  PRIMARY KEY (run_key, publication)
);

CREATE TABLE IF NOT EXISTS pr_publication (
  region VARCHAR(16) NOT NULL,
  publication VARCHAR(100) NOT NULL,
  edition INT NOT NULL,
  content_digest VARCHAR(64) NOT NULL,
  folder VARCHAR(1000) NOT NULL,
  job_execution_id BIGINT NOT NULL,
  reason VARCHAR(2000),
  published_at TIMESTAMP NOT NULL,
  PRIMARY KEY (region, publication, edition)
);

-- Rows per file and region code read by a run's ingest (rows of other regions are counted, not
-- staged), for the region coverage rule.
CREATE TABLE IF NOT EXISTS pr_region_rows (
  run_key BIGINT NOT NULL,
  file VARCHAR(500) NOT NULL,
  region VARCHAR(20) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (run_key, file, region)
);

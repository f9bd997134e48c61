BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE app_user (
    id SERIAL NOT NULL, 
    username VARCHAR(64) NOT NULL, 
    display_name VARCHAR(128) NOT NULL, 
    password_hash VARCHAR(255) NOT NULL, 
    active BOOLEAN NOT NULL, 
    failed_logins INTEGER NOT NULL, 
    locked_until TIMESTAMP WITHOUT TIME ZONE, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    password_changed_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (username)
);

CREATE TABLE audit_event (
    seq INTEGER NOT NULL, 
    at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    actor_id INTEGER, 
    actor VARCHAR(64) NOT NULL, 
    action VARCHAR(64) NOT NULL, 
    entity_type VARCHAR(64) NOT NULL, 
    entity_id VARCHAR(64) NOT NULL, 
    before TEXT, 
    after TEXT, 
    prev_hash VARCHAR(64) NOT NULL, 
    hash VARCHAR(64) NOT NULL, 
    canonical TEXT NOT NULL, 
    PRIMARY KEY (seq), 
    UNIQUE (hash)
);

CREATE INDEX ix_audit_event_action ON audit_event (action);

CREATE INDEX ix_audit_event_at ON audit_event (at);

CREATE TABLE audit_head (
    id INTEGER NOT NULL, 
    seq INTEGER NOT NULL, 
    hash VARCHAR(64) NOT NULL, 
    PRIMARY KEY (id)
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE data_key (
    key_id VARCHAR(32) NOT NULL, 
    check_value VARCHAR(64) NOT NULL, 
    active BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (key_id)
);

CREATE TABLE import_batch (
    id SERIAL NOT NULL, 
    file_name VARCHAR(255) NOT NULL, 
    sha256 VARCHAR(64) NOT NULL, 
    rows_total INTEGER NOT NULL, 
    rows_inserted INTEGER NOT NULL, 
    rows_present INTEGER NOT NULL, 
    rows_conflict INTEGER NOT NULL, 
    rows_rejected INTEGER NOT NULL, 
    user_id INTEGER, 
    username VARCHAR(64) NOT NULL, 
    started_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    finished_at TIMESTAMP WITHOUT TIME ZONE, 
    outcome VARCHAR(16) NOT NULL, 
    message VARCHAR(2000) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

CREATE INDEX ix_import_batch_sha256 ON import_batch (sha256);

CREATE TABLE user_role (
    user_id INTEGER NOT NULL, 
    role VARCHAR(32) NOT NULL, 
    PRIMARY KEY (user_id, role), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

CREATE TABLE applicant (
    id SERIAL NOT NULL, 
    name VARCHAR(128) NOT NULL, 
    id_no_enc BYTEA NOT NULL, 
    id_no_hash VARCHAR(64) NOT NULL, 
    id_no_masked VARCHAR(18) NOT NULL, 
    birth_date DATE NOT NULL, 
    gender VARCHAR(1) NOT NULL, 
    region_code VARCHAR(6) NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    first_batch_id INTEGER, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(first_batch_id) REFERENCES import_batch (id), 
    UNIQUE (id_no_hash)
);

CREATE INDEX ix_applicant_name ON applicant (name);

CREATE TABLE application (
    id SERIAL NOT NULL, 
    application_no VARCHAR(40) NOT NULL, 
    applicant_id INTEGER NOT NULL, 
    batch_id INTEGER NOT NULL, 
    product VARCHAR(24) NOT NULL, 
    channel VARCHAR(24) NOT NULL, 
    amount NUMERIC(14, 2) NOT NULL, 
    term_months INTEGER NOT NULL, 
    apr NUMERIC(7, 4) NOT NULL, 
    upfront_fee NUMERIC(14, 2) NOT NULL, 
    monthly_fee NUMERIC(14, 2) NOT NULL, 
    other_fees NUMERIC(14, 2) NOT NULL, 
    repayment_type VARCHAR(24) NOT NULL, 
    purpose VARCHAR(32) NOT NULL, 
    submitted_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    phone_enc BYTEA NOT NULL, 
    phone_hash VARCHAR(64) NOT NULL, 
    phone_masked VARCHAR(16) NOT NULL, 
    card_enc BYTEA, 
    card_hash VARCHAR(64), 
    card_masked VARCHAR(24), 
    device_id VARCHAR(64), 
    ip VARCHAR(45), 
    outcome VARCHAR(8), 
    content_hash VARCHAR(64) NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(applicant_id) REFERENCES applicant (id), 
    FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
    UNIQUE (application_no)
);

CREATE INDEX ix_application_applicant_id ON application (applicant_id);

CREATE INDEX ix_application_card_hash ON application (card_hash);

CREATE INDEX ix_application_device_id ON application (device_id);

CREATE INDEX ix_application_phone_hash ON application (phone_hash);

CREATE INDEX ix_application_submitted_id ON application (submitted_at, id);

CREATE TABLE application_features (
    application_id INTEGER NOT NULL, 
    annual_income FLOAT(53), 
    emp_length_years INTEGER, 
    verification_status VARCHAR(20), 
    lender_grade VARCHAR(4), 
    delinq_2yrs INTEGER, 
    inq_last_6mths INTEGER, 
    revol_util FLOAT(53), 
    acc_now_delinq INTEGER, 
    open_il_6m INTEGER, 
    open_il_12m INTEGER, 
    open_il_24m INTEGER, 
    total_bal_il FLOAT(53), 
    all_util FLOAT(53), 
    inq_fi INTEGER, 
    inq_last_12m INTEGER, 
    delinq_amnt FLOAT(53), 
    num_il_tl INTEGER, 
    total_il_high_credit_limit FLOAT(53), 
    PRIMARY KEY (application_id), 
    FOREIGN KEY(application_id) REFERENCES application (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;

COMMIT;


CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE app_user (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    username VARCHAR(64) NOT NULL, 
    display_name VARCHAR(128) NOT NULL, 
    password_hash VARCHAR(255) NOT NULL, 
    active BOOL NOT NULL, 
    failed_logins INTEGER NOT NULL, 
    locked_until DATETIME(6), 
    created_at DATETIME(6) NOT NULL, 
    password_changed_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (username)
);

CREATE TABLE audit_event (
    seq INTEGER NOT NULL, 
    at DATETIME(6) NOT NULL, 
    actor_id INTEGER, 
    actor VARCHAR(64) NOT NULL, 
    action VARCHAR(64) NOT NULL, 
    entity_type VARCHAR(64) NOT NULL, 
    entity_id VARCHAR(64) NOT NULL, 
    `before` MEDIUMTEXT, 
    after MEDIUMTEXT, 
    prev_hash VARCHAR(64) NOT NULL, 
    hash VARCHAR(64) NOT NULL, 
    canonical MEDIUMTEXT NOT NULL, 
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
    active BOOL NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (key_id)
);

CREATE TABLE import_batch (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    file_name VARCHAR(255) NOT NULL, 
    sha256 VARCHAR(64) NOT NULL, 
    rows_total INTEGER NOT NULL, 
    rows_inserted INTEGER NOT NULL, 
    rows_present INTEGER NOT NULL, 
    rows_conflict INTEGER NOT NULL, 
    rows_rejected INTEGER NOT NULL, 
    user_id INTEGER, 
    username VARCHAR(64) NOT NULL, 
    started_at DATETIME(6) NOT NULL, 
    finished_at DATETIME(6), 
    outcome VARCHAR(16) NOT NULL, 
    message VARCHAR(2000) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

CREATE INDEX ix_import_batch_sha256 ON import_batch (sha256);

CREATE TABLE user_role (
    user_id INTEGER NOT NULL, 
    `role` VARCHAR(32) NOT NULL, 
    PRIMARY KEY (user_id, `role`), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

CREATE TABLE applicant (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    name VARCHAR(128) NOT NULL, 
    id_no_enc BLOB NOT NULL, 
    id_no_hash VARCHAR(64) NOT NULL, 
    id_no_masked VARCHAR(18) NOT NULL, 
    birth_date DATE NOT NULL, 
    gender VARCHAR(1) NOT NULL, 
    region_code VARCHAR(6) NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    first_batch_id INTEGER, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(first_batch_id) REFERENCES import_batch (id), 
    UNIQUE (id_no_hash)
);

CREATE INDEX ix_applicant_name ON applicant (name);

CREATE TABLE application (
    id INTEGER NOT NULL AUTO_INCREMENT, 
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
    submitted_at DATETIME(6) NOT NULL, 
    phone_enc BLOB NOT NULL, 
    phone_hash VARCHAR(64) NOT NULL, 
    phone_masked VARCHAR(16) NOT NULL, 
    card_enc BLOB, 
    card_hash VARCHAR(64), 
    card_masked VARCHAR(24), 
    device_id VARCHAR(64), 
    ip VARCHAR(45), 
    outcome VARCHAR(8), 
    content_hash VARCHAR(64) NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
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
    annual_income DOUBLE, 
    emp_length_years INTEGER, 
    verification_status VARCHAR(20), 
    lender_grade VARCHAR(4), 
    delinq_2yrs INTEGER, 
    inq_last_6mths INTEGER, 
    revol_util DOUBLE, 
    acc_now_delinq INTEGER, 
    open_il_6m INTEGER, 
    open_il_12m INTEGER, 
    open_il_24m INTEGER, 
    total_bal_il DOUBLE, 
    all_util DOUBLE, 
    inq_fi INTEGER, 
    inq_last_12m INTEGER, 
    delinq_amnt DOUBLE, 
    num_il_tl INTEGER, 
    total_il_high_credit_limit DOUBLE, 
    PRIMARY KEY (application_id), 
    FOREIGN KEY(application_id) REFERENCES application (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE blacklist_entry (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    kind VARCHAR(8) NOT NULL, 
    value_key VARCHAR(64) NOT NULL, 
    masked VARCHAR(32) NOT NULL, 
    reason VARCHAR(500) NOT NULL, 
    added_by VARCHAR(64) NOT NULL, 
    added_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (kind, value_key)
);

CREATE TABLE lpr_rate (
    effective_date DATE NOT NULL, 
    one_year_pct NUMERIC(7, 4) NOT NULL, 
    PRIMARY KEY (effective_date)
);

CREATE TABLE model_version (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    name VARCHAR(128) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    active_slot INTEGER, 
    artefact LONGBLOB NOT NULL, 
    artefact_format VARCHAR(8) NOT NULL, 
    artefact_sha256 VARCHAR(64) NOT NULL, 
    meta MEDIUMTEXT NOT NULL, 
    training_sha256 VARCHAR(64) NOT NULL, 
    auc DOUBLE NOT NULL, 
    ks DOUBLE NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    created_by VARCHAR(64) NOT NULL, 
    proposed_at DATETIME(6), 
    proposed_by VARCHAR(64), 
    approved_at DATETIME(6), 
    approved_by VARCHAR(64), 
    PRIMARY KEY (id), 
    UNIQUE (active_slot)
);

CREATE INDEX ix_model_version_status ON model_version (status);

CREATE TABLE policy_version (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    approve_below DOUBLE NOT NULL, 
    decline_from DOUBLE NOT NULL, 
    review_sla_hours INTEGER NOT NULL, 
    four_eyes_amount DOUBLE NOT NULL, 
    effective_from DATETIME(6) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    created_by VARCHAR(64) NOT NULL, 
    note VARCHAR(500) NOT NULL, 
    PRIMARY KEY (id)
);

CREATE TABLE rule_set (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    effective_from DATETIME(6) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    created_by VARCHAR(64) NOT NULL, 
    note VARCHAR(500) NOT NULL, 
    PRIMARY KEY (id)
);

CREATE TABLE monitor_run (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    month VARCHAR(7) NOT NULL, 
    model_version_id INTEGER NOT NULL, 
    computed_at DATETIME(6) NOT NULL, 
    computed_by VARCHAR(64) NOT NULL, 
    applications INTEGER NOT NULL, 
    score_psi DOUBLE, 
    auc DOUBLE, 
    ks DOUBLE, 
    override_rate DOUBLE, 
    details MEDIUMTEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(model_version_id) REFERENCES model_version (id)
);

CREATE INDEX ix_monitor_run_month ON monitor_run (month);

CREATE TABLE rule_setting (
    rule_set_id INTEGER NOT NULL, 
    code VARCHAR(32) NOT NULL, 
    name VARCHAR(128) NOT NULL, 
    severity VARCHAR(8) NOT NULL, 
    enabled BOOL NOT NULL, 
    params MEDIUMTEXT NOT NULL, 
    source VARCHAR(255) NOT NULL, 
    PRIMARY KEY (rule_set_id, code), 
    FOREIGN KEY(rule_set_id) REFERENCES rule_set (id)
);

CREATE TABLE score_run (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    model_version_id INTEGER NOT NULL, 
    rule_set_id INTEGER NOT NULL, 
    policy_version_id INTEGER NOT NULL, 
    started_at DATETIME(6) NOT NULL, 
    finished_at DATETIME(6), 
    username VARCHAR(64) NOT NULL, 
    scope VARCHAR(16) NOT NULL, 
    evaluated MEDIUMTEXT NOT NULL, 
    scored INTEGER NOT NULL, 
    flagged INTEGER NOT NULL, 
    rule_hits INTEGER NOT NULL, 
    cases INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(model_version_id) REFERENCES model_version (id), 
    FOREIGN KEY(policy_version_id) REFERENCES policy_version (id), 
    FOREIGN KEY(rule_set_id) REFERENCES rule_set (id)
);

CREATE TABLE rule_hit (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    application_id INTEGER NOT NULL, 
    rule_set_id INTEGER NOT NULL, 
    run_id INTEGER NOT NULL, 
    code VARCHAR(32) NOT NULL, 
    severity VARCHAR(8) NOT NULL, 
    detail VARCHAR(500) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(rule_set_id) REFERENCES rule_set (id), 
    FOREIGN KEY(run_id) REFERENCES score_run (id), 
    UNIQUE (application_id, rule_set_id, code)
);

CREATE INDEX ix_rule_hit_code ON rule_hit (code);

CREATE TABLE score (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    application_id INTEGER NOT NULL, 
    model_version_id INTEGER NOT NULL, 
    run_id INTEGER NOT NULL, 
    pd DOUBLE NOT NULL, 
    margin DOUBLE NOT NULL, 
    points INTEGER NOT NULL, 
    band VARCHAR(8) NOT NULL, 
    scored_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(model_version_id) REFERENCES model_version (id), 
    FOREIGN KEY(run_id) REFERENCES score_run (id), 
    UNIQUE (application_id, model_version_id)
);

CREATE TABLE decision_record (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    application_id INTEGER NOT NULL, 
    score_id INTEGER NOT NULL, 
    model_version_id INTEGER NOT NULL, 
    rule_set_id INTEGER NOT NULL, 
    policy_version_id INTEGER NOT NULL, 
    run_id INTEGER NOT NULL, 
    outcome VARCHAR(16) NOT NULL, 
    band VARCHAR(8) NOT NULL, 
    pd DOUBLE NOT NULL, 
    points INTEGER NOT NULL, 
    flags VARCHAR(255) NOT NULL, 
    current_slot INTEGER, 
    max_severity VARCHAR(8), 
    decided_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(model_version_id) REFERENCES model_version (id), 
    FOREIGN KEY(policy_version_id) REFERENCES policy_version (id), 
    FOREIGN KEY(rule_set_id) REFERENCES rule_set (id), 
    FOREIGN KEY(run_id) REFERENCES score_run (id), 
    FOREIGN KEY(score_id) REFERENCES score (id), 
    UNIQUE (application_id, current_slot), 
    UNIQUE (application_id, model_version_id, rule_set_id, policy_version_id)
);

CREATE TABLE score_reason (
    score_id INTEGER NOT NULL, 
    `rank` INTEGER NOT NULL, 
    feature VARCHAR(64) NOT NULL, 
    value VARCHAR(64) NOT NULL, 
    contribution DOUBLE NOT NULL, 
    PRIMARY KEY (score_id, `rank`), 
    FOREIGN KEY(score_id) REFERENCES score (id)
);

CREATE TABLE review_case (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    kind VARCHAR(24) NOT NULL, 
    application_id INTEGER, 
    dedupe_key VARCHAR(64), 
    status VARCHAR(16) NOT NULL, 
    priority INTEGER NOT NULL, 
    due_at DATETIME(6) NOT NULL, 
    assignee_id INTEGER, 
    decision VARCHAR(16), 
    maker_id INTEGER, 
    reason VARCHAR(2000) NOT NULL, 
    decided_by_id INTEGER, 
    checked_by_id INTEGER, 
    decision_record_id INTEGER, 
    created_at DATETIME(6) NOT NULL, 
    updated_at DATETIME(6) NOT NULL, 
    version INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(assignee_id) REFERENCES app_user (id), 
    FOREIGN KEY(checked_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(decided_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(decision_record_id) REFERENCES decision_record (id), 
    FOREIGN KEY(maker_id) REFERENCES app_user (id), 
    UNIQUE (dedupe_key)
);

CREATE INDEX ix_review_case_application_id ON review_case (application_id);

CREATE INDEX ix_review_case_due_at ON review_case (due_at);

CREATE INDEX ix_review_case_kind ON review_case (kind);

CREATE INDEX ix_review_case_status ON review_case (status);

CREATE TABLE investigation_note (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    case_id INTEGER NOT NULL, 
    kind VARCHAR(16) NOT NULL, 
    outcome VARCHAR(16) NOT NULL, 
    text VARCHAR(4000) NOT NULL, 
    corrects_id INTEGER, 
    author_id INTEGER NOT NULL, 
    author VARCHAR(64) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(author_id) REFERENCES app_user (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id), 
    FOREIGN KEY(corrects_id) REFERENCES investigation_note (id)
);

CREATE INDEX ix_investigation_note_case_id ON investigation_note (case_id);

CREATE TABLE note_draft (
    case_id INTEGER NOT NULL, 
    user_id INTEGER NOT NULL, 
    kind VARCHAR(16) NOT NULL, 
    outcome VARCHAR(16) NOT NULL, 
    text VARCHAR(4000) NOT NULL, 
    updated_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (case_id, user_id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

ALTER TABLE application ADD COLUMN stated_age INTEGER;

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2019-08-20', 4.25);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2019-09-20', 4.20);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2019-11-20', 4.15);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2020-02-20', 4.05);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2020-04-20', 3.85);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2021-12-20', 3.80);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2022-01-20', 3.70);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2022-08-22', 3.65);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2023-06-20', 3.55);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2023-08-21', 3.45);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2024-07-22', 3.35);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2024-10-21', 3.10);

INSERT INTO lpr_rate (effective_date, one_year_pct) VALUES ('2025-05-20', 3.00);

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

CREATE TABLE report (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    report_no VARCHAR(32) NOT NULL, 
    kind VARCHAR(16) NOT NULL, 
    subject VARCHAR(40) NOT NULL, 
    language VARCHAR(8) NOT NULL, 
    cut_off DATETIME(6) NOT NULL, 
    generated_at DATETIME(6) NOT NULL, 
    generated_by VARCHAR(64) NOT NULL, 
    sha256 VARCHAR(64) NOT NULL, 
    size INTEGER NOT NULL, 
    pdf LONGBLOB NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (report_no)
);

CREATE INDEX ix_report_sha256 ON report (sha256);

CREATE TABLE complaint (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    number VARCHAR(24) NOT NULL, 
    source_ref VARCHAR(64), 
    channel VARCHAR(24) NOT NULL, 
    category VARCHAR(32) NOT NULL, 
    applicant_id INTEGER, 
    complainant_name VARCHAR(128) NOT NULL, 
    proxy_name VARCHAR(128) NOT NULL, 
    proxy_authorisation VARCHAR(500) NOT NULL, 
    application_id INTEGER, 
    partner_id INTEGER, 
    description VARCHAR(4000) NOT NULL, 
    received_at DATETIME(6) NOT NULL, 
    due_at DATETIME(6) NOT NULL, 
    extension VARCHAR(20) NOT NULL, 
    extension_reason VARCHAR(1000) NOT NULL, 
    complainant_told_at DATETIME(6), 
    extension_approved_by_id INTEGER, 
    status VARCHAR(16) NOT NULL, 
    escalated BOOL NOT NULL, 
    assignee_id INTEGER, 
    subject_user_id INTEGER, 
    subject_team VARCHAR(64) NOT NULL, 
    response VARCHAR(4000) NOT NULL, 
    responded_at DATETIME(6), 
    reaction VARCHAR(16) NOT NULL, 
    root_cause VARCHAR(32) NOT NULL, 
    rectification VARCHAR(2000) NOT NULL, 
    closed_at DATETIME(6), 
    reopen_count INTEGER NOT NULL, 
    fraud_case_id INTEGER, 
    created_by_id INTEGER NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    updated_at DATETIME(6) NOT NULL, 
    version INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(applicant_id) REFERENCES applicant (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(assignee_id) REFERENCES app_user (id), 
    FOREIGN KEY(created_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(extension_approved_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(fraud_case_id) REFERENCES review_case (id), 
    FOREIGN KEY(subject_user_id) REFERENCES app_user (id), 
    UNIQUE (number), 
    UNIQUE (source_ref)
);

CREATE INDEX ix_complaint_applicant_id ON complaint (applicant_id);

CREATE INDEX ix_complaint_application_id ON complaint (application_id);

CREATE INDEX ix_complaint_assignee_id ON complaint (assignee_id);

CREATE INDEX ix_complaint_category ON complaint (category);

CREATE INDEX ix_complaint_received ON complaint (received_at, id);

CREATE INDEX ix_complaint_status_due ON complaint (status, due_at, id);

ALTER TABLE app_user ADD COLUMN team VARCHAR(64) NOT NULL DEFAULT '';

CREATE TABLE app_setting (
    `key` VARCHAR(64) NOT NULL, 
    value VARCHAR(2000) NOT NULL, 
    changed_by VARCHAR(64) NOT NULL, 
    changed_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (`key`)
);

CREATE TABLE role_request (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    user_id INTEGER NOT NULL, 
    roles VARCHAR(255) NOT NULL, 
    requested_by_id INTEGER NOT NULL, 
    requested_at DATETIME(6) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    decided_by_id INTEGER, 
    decided_at DATETIME(6), 
    note VARCHAR(500) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(decided_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(requested_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(user_id) REFERENCES app_user (id)
);

CREATE INDEX ix_role_request_user_id ON role_request (user_id);

ALTER TABLE review_case ADD COLUMN is_open BOOL NOT NULL DEFAULT true;

ALTER TABLE review_case ADD COLUMN application_no VARCHAR(40) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN applicant_name VARCHAR(128) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN id_no_masked VARCHAR(18) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN product VARCHAR(24) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN channel VARCHAR(24) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN amount NUMERIC(14, 2) NOT NULL DEFAULT '-1';

ALTER TABLE review_case ADD COLUMN submitted_at DATETIME(6);

ALTER TABLE review_case ADD COLUMN pd DOUBLE NOT NULL DEFAULT '-1';

ALTER TABLE review_case ADD COLUMN points INTEGER NOT NULL DEFAULT '-1';

ALTER TABLE review_case ADD COLUMN band VARCHAR(8) NOT NULL DEFAULT '';

ALTER TABLE review_case ADD COLUMN flags VARCHAR(255) NOT NULL DEFAULT '';

UPDATE review_case SET is_open = false WHERE status IN ('decided', 'closed');

UPDATE review_case SET application_no = (SELECT a.application_no FROM application a WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET product = (SELECT a.product FROM application a WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET channel = (SELECT a.channel FROM application a WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET amount = (SELECT a.amount FROM application a WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET submitted_at = (SELECT a.submitted_at FROM application a WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET applicant_name = (SELECT p.name FROM application a JOIN applicant p ON p.id = a.applicant_id WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET id_no_masked = (SELECT p.id_no_masked FROM application a JOIN applicant p ON p.id = a.applicant_id WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL;

UPDATE review_case SET pd = (SELECT d.pd FROM decision_record d WHERE d.id = review_case.decision_record_id) WHERE decision_record_id IS NOT NULL;

UPDATE review_case SET points = (SELECT d.points FROM decision_record d WHERE d.id = review_case.decision_record_id) WHERE decision_record_id IS NOT NULL;

UPDATE review_case SET band = (SELECT d.band FROM decision_record d WHERE d.id = review_case.decision_record_id) WHERE decision_record_id IS NOT NULL;

UPDATE review_case SET flags = (SELECT d.flags FROM decision_record d WHERE d.id = review_case.decision_record_id) WHERE decision_record_id IS NOT NULL;

DROP INDEX ix_review_case_due_at ON review_case;

DROP INDEX ix_review_case_kind ON review_case;

DROP INDEX ix_review_case_status ON review_case;

CREATE INDEX ix_case_assignee_open_due ON review_case (assignee_id, is_open, due_at, id);

CREATE INDEX ix_case_assignee_open_pd ON review_case (assignee_id, is_open, pd, id);

CREATE INDEX ix_case_open_due ON review_case (is_open, due_at, id);

CREATE INDEX ix_case_sort_amount ON review_case (amount, id);

CREATE INDEX ix_case_sort_applicant_name ON review_case (applicant_name, id);

CREATE INDEX ix_case_sort_application_no ON review_case (application_no, id);

CREATE INDEX ix_case_sort_channel ON review_case (channel, id);

CREATE INDEX ix_case_sort_due_at ON review_case (due_at, id);

CREATE INDEX ix_case_sort_kind ON review_case (kind, id);

CREATE INDEX ix_case_sort_pd ON review_case (pd, id);

CREATE INDEX ix_case_sort_priority ON review_case (priority, id);

CREATE INDEX ix_case_sort_product ON review_case (product, id);

CREATE INDEX ix_case_sort_status ON review_case (status, id);

CREATE INDEX ix_case_status_band_pd ON review_case (status, band, pd, id);

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

-- Running upgrade 0003 -> 0004

CREATE TABLE monitoring_policy (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    params MEDIUMTEXT NOT NULL, 
    created_by VARCHAR(64) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    note VARCHAR(500) NOT NULL, 
    PRIMARY KEY (id)
);

CREATE TABLE monitoring_run (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    as_of DATE NOT NULL, 
    policy_id INTEGER NOT NULL, 
    started_at DATETIME(6) NOT NULL, 
    finished_at DATETIME(6), 
    started_by VARCHAR(64) NOT NULL, 
    loans INTEGER NOT NULL, 
    alerts INTEGER NOT NULL, 
    cases_opened INTEGER NOT NULL, 
    cases_updated INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(policy_id) REFERENCES monitoring_policy (id)
);

CREATE INDEX ix_monitoring_run_as_of ON monitoring_run (as_of);

CREATE TABLE loan (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    loan_no VARCHAR(40) NOT NULL, 
    application_id INTEGER NOT NULL, 
    principal NUMERIC(14, 2) NOT NULL, 
    start_date DATE NOT NULL, 
    disbursed_at DATETIME(6) NOT NULL, 
    term_months INTEGER NOT NULL, 
    apr NUMERIC(7, 4) NOT NULL, 
    repayment_type VARCHAR(24) NOT NULL, 
    content_hash VARCHAR(64) NOT NULL, 
    batch_id INTEGER, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
    UNIQUE (application_id), 
    UNIQUE (loan_no)
);

CREATE TABLE fund_flow (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    flow_no VARCHAR(40) NOT NULL, 
    loan_id INTEGER NOT NULL, 
    at DATETIME(6) NOT NULL, 
    amount NUMERIC(14, 2) NOT NULL, 
    direction VARCHAR(3) NOT NULL, 
    channel VARCHAR(16) NOT NULL, 
    counterparty_hash VARCHAR(64) NOT NULL, 
    counterparty_masked VARCHAR(24) NOT NULL, 
    counterparty_name VARCHAR(128) NOT NULL, 
    counterparty_type VARCHAR(24) NOT NULL, 
    mcc VARCHAR(4) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(loan_id) REFERENCES loan (id), 
    UNIQUE (flow_no)
);

CREATE INDEX ix_fund_flow_loan_at ON fund_flow (loan_id, at);

CREATE TABLE loan_snapshot (
    month VARCHAR(7) NOT NULL, 
    loan_id INTEGER NOT NULL, 
    as_of DATE NOT NULL, 
    dpd INTEGER NOT NULL, 
    category VARCHAR(16) NOT NULL, 
    balance NUMERIC(14, 2) NOT NULL, 
    overdue_amount NUMERIC(14, 2) NOT NULL, 
    PRIMARY KEY (month, loan_id), 
    FOREIGN KEY(loan_id) REFERENCES loan (id)
);

CREATE TABLE repayment (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    loan_id INTEGER NOT NULL, 
    instalment_no INTEGER NOT NULL, 
    due_date DATE NOT NULL, 
    due_amount NUMERIC(14, 2) NOT NULL, 
    due_principal NUMERIC(14, 2) NOT NULL, 
    paid_date DATE, 
    paid_amount NUMERIC(14, 2) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(loan_id) REFERENCES loan (id), 
    UNIQUE (loan_id, instalment_no)
);

CREATE TABLE loan_alert (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    loan_id INTEGER NOT NULL, 
    code VARCHAR(32) NOT NULL, 
    trigger_key VARCHAR(64) NOT NULL, 
    severity VARCHAR(8) NOT NULL, 
    detected_on DATE NOT NULL, 
    detail MEDIUMTEXT NOT NULL, 
    case_id INTEGER, 
    run_id INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id), 
    FOREIGN KEY(loan_id) REFERENCES loan (id), 
    FOREIGN KEY(run_id) REFERENCES monitoring_run (id), 
    UNIQUE (loan_id, code, trigger_key)
);

CREATE INDEX ix_loan_alert_case_id ON loan_alert (case_id);

CREATE INDEX ix_loan_alert_code ON loan_alert (code);

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

-- Running upgrade 0004 -> 0005

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: UPDATE and DELETE are refused';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: UPDATE and DELETE are refused';

CREATE TABLE audit_anchor (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    seq INTEGER NOT NULL, 
    hash VARCHAR(64) NOT NULL, 
    at DATETIME(6) NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    mac VARCHAR(64) NOT NULL, 
    note VARCHAR(200) NOT NULL, 
    PRIMARY KEY (id)
);

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

-- Running upgrade 0005 -> 0006

CREATE TABLE audit_finding (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    ref VARCHAR(80) NOT NULL, 
    pack_id VARCHAR(40) NOT NULL, 
    case_id INTEGER, 
    complaint_id INTEGER, 
    month VARCHAR(7) NOT NULL, 
    severity VARCHAR(8) NOT NULL, 
    text VARCHAR(4000) NOT NULL, 
    recommendation VARCHAR(2000) NOT NULL, 
    auditor VARCHAR(64) NOT NULL, 
    found_at DATETIME(6) NOT NULL, 
    imported_at DATETIME(6), 
    imported_by VARCHAR(64) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    follow_up VARCHAR(2000) NOT NULL, 
    updated_at DATETIME(6), 
    version INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (ref)
);

CREATE INDEX ix_audit_finding_case_id ON audit_finding (case_id);

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

-- Running upgrade 0006 -> 0007

CREATE TABLE capital_figure (
    effective_date DATE NOT NULL, 
    net_tier1_capital NUMERIC(14, 2) NOT NULL, 
    total_loan_balance NUMERIC(14, 2) NOT NULL, 
    set_by VARCHAR(64) NOT NULL, 
    set_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (effective_date)
);

CREATE TABLE partner (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    code VARCHAR(24) NOT NULL, 
    name VARCHAR(128) NOT NULL, 
    kind VARCHAR(24) NOT NULL, 
    licence_no VARCHAR(64) NOT NULL, 
    registration_no VARCHAR(64) NOT NULL, 
    region VARCHAR(64) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    status_reason VARCHAR(1000) NOT NULL, 
    next_review DATE, 
    created_at DATETIME(6) NOT NULL, 
    updated_at DATETIME(6) NOT NULL, 
    version INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (code)
);

CREATE TABLE partner_check (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    partner_id INTEGER NOT NULL, 
    item VARCHAR(32) NOT NULL, 
    passed BOOL NOT NULL, 
    evidence VARCHAR(2000) NOT NULL, 
    review_due DATE, 
    checked_by VARCHAR(64) NOT NULL, 
    checked_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(partner_id) REFERENCES partner (id)
);

CREATE INDEX ix_partner_check_partner_id ON partner_check (partner_id);

ALTER TABLE application ADD COLUMN partner_id INTEGER;

ALTER TABLE application ADD FOREIGN KEY(partner_id) REFERENCES partner (id);

CREATE INDEX ix_application_partner_id ON application (partner_id);

ALTER TABLE loan ADD COLUMN partner_id INTEGER;

ALTER TABLE loan ADD FOREIGN KEY(partner_id) REFERENCES partner (id);

ALTER TABLE loan ADD COLUMN partner_share NUMERIC(7, 4);

CREATE INDEX ix_loan_partner_id ON loan (partner_id);

UPDATE alembic_version SET version_num='0007' WHERE alembic_version.version_num = '0006';

-- Running upgrade 0007 -> 0008

ALTER TABLE applicant ADD COLUMN id_checksum_ok BOOL;

UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0007';

-- Running upgrade 0008 -> 0009

ALTER TABLE audit_event ADD COLUMN signature VARCHAR(160);

CREATE TABLE user_key (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    user_id INTEGER NOT NULL, 
    fingerprint VARCHAR(32) NOT NULL, 
    public_key VARCHAR(64) NOT NULL, 
    wrapped VARCHAR(255) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    root BOOL NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    countersigned_by VARCHAR(64) NOT NULL, 
    changed_at DATETIME(6), 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES app_user (id), 
    UNIQUE (fingerprint)
);

CREATE INDEX ix_user_key_user_id ON user_key (user_id);

UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0008';

-- Running upgrade 0009 -> 0010

CREATE TABLE text_pii (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    entity VARCHAR(32) NOT NULL, 
    entity_id VARCHAR(64) NOT NULL, 
    field VARCHAR(32) NOT NULL, 
    position INTEGER NOT NULL, 
    kind VARCHAR(16) NOT NULL, 
    masked VARCHAR(24) NOT NULL, 
    value_enc BLOB NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id)
);

CREATE INDEX ix_text_pii_entity ON text_pii (entity, entity_id, field);

UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0009';

-- Running upgrade 0010 -> 0011

CREATE TABLE evidence_file (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    case_id INTEGER, 
    complaint_id INTEGER, 
    name VARCHAR(255) NOT NULL, 
    kind VARCHAR(8) NOT NULL, 
    media_type VARCHAR(100) NOT NULL, 
    size INTEGER NOT NULL, 
    sha256 VARCHAR(64) NOT NULL, 
    note VARCHAR(1000) NOT NULL, 
    supersedes_id INTEGER, 
    chunks INTEGER NOT NULL, 
    key_id VARCHAR(32) NOT NULL, 
    added_by_id INTEGER NOT NULL, 
    added_by VARCHAR(64) NOT NULL, 
    added_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT ck_evidence_one_owner CHECK ((case_id IS NULL) <> (complaint_id IS NULL)), 
    FOREIGN KEY(added_by_id) REFERENCES app_user (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id), 
    FOREIGN KEY(complaint_id) REFERENCES complaint (id), 
    FOREIGN KEY(supersedes_id) REFERENCES evidence_file (id), 
    UNIQUE (supersedes_id)
);

CREATE INDEX ix_evidence_case ON evidence_file (case_id, id);

CREATE INDEX ix_evidence_complaint ON evidence_file (complaint_id, id);

CREATE TABLE evidence_chunk (
    file_id INTEGER NOT NULL, 
    seq INTEGER NOT NULL, 
    data LONGBLOB NOT NULL, 
    PRIMARY KEY (file_id, seq), 
    FOREIGN KEY(file_id) REFERENCES evidence_file (id)
);

UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0010';

-- Running upgrade 0011 -> 0012

ALTER TABLE rule_setting ADD COLUMN hard_stop BOOL NOT NULL DEFAULT false;

UPDATE rule_setting SET hard_stop=true WHERE rule_setting.code IN ('COST_CEILING', 'AMOUNT_CEILING', 'ID_CHECKSUM', 'BLACKLIST');

ALTER TABLE loan ADD COLUMN line_frozen_at DATETIME(6);

ALTER TABLE loan ADD COLUMN called_at DATETIME(6);

ALTER TABLE loan ADD COLUMN category_override VARCHAR(16);

CREATE TABLE loan_action (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    case_id INTEGER NOT NULL, 
    loan_id INTEGER NOT NULL, 
    action VARCHAR(24) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    reason VARCHAR(2000) NOT NULL, 
    detail VARCHAR(1000) NOT NULL, 
    promise_date DATE, 
    maker_id INTEGER NOT NULL, 
    maker VARCHAR(64) NOT NULL, 
    made_at DATETIME(6) NOT NULL, 
    checker_id INTEGER, 
    checker VARCHAR(64) NOT NULL, 
    checked_at DATETIME(6), 
    check_reason VARCHAR(2000) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id), 
    FOREIGN KEY(loan_id) REFERENCES loan (id), 
    FOREIGN KEY(maker_id) REFERENCES app_user (id), 
    FOREIGN KEY(checker_id) REFERENCES app_user (id)
);

CREATE INDEX ix_loan_action_case_id ON loan_action (case_id);

CREATE INDEX ix_loan_action_loan_id ON loan_action (loan_id);

CREATE INDEX ix_loan_action_promise_date ON loan_action (promise_date);

UPDATE alembic_version SET version_num='0012' WHERE alembic_version.version_num = '0011';

-- Running upgrade 0012 -> 0013

CREATE INDEX ix_case_priority_due ON review_case (priority, due_at, id);

CREATE INDEX ix_case_assignee_open_priority_due ON review_case (assignee_id, is_open, priority, due_at, id);

CREATE INDEX ix_case_id_no_masked ON review_case (id_no_masked, id);

UPDATE alembic_version SET version_num='0013' WHERE alembic_version.version_num = '0012';

-- Running upgrade 0013 -> 0014

CREATE TABLE decision_feed (
    seq BIGINT NOT NULL, 
    source VARCHAR(16) NOT NULL, 
    source_id INTEGER NOT NULL, 
    application_no VARCHAR(40) NOT NULL, 
    loan_no VARCHAR(40) NOT NULL, 
    decision VARCHAR(24) NOT NULL, 
    rule_codes VARCHAR(255) NOT NULL, 
    feature_codes VARCHAR(255) NOT NULL, 
    model_version_id INTEGER, 
    rule_set_id INTEGER, 
    policy_version_id INTEGER, 
    decided_by VARCHAR(64) NOT NULL, 
    checked_by VARCHAR(64) NOT NULL, 
    final_at DATETIME(6) NOT NULL, 
    audit_seq INTEGER, 
    signature TEXT, 
    PRIMARY KEY (seq)
);

CREATE INDEX ix_decision_feed_source ON decision_feed (source, source_id);

CREATE TABLE feed_ack (
    seq BIGINT NOT NULL, 
    acknowledged_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), 
    source VARCHAR(16) NOT NULL DEFAULT 'view', 
    PRIMARY KEY (seq)
);

CREATE TABLE feed_head (
    id INTEGER NOT NULL, 
    seq BIGINT NOT NULL, 
    exported_to BIGINT NOT NULL, 
    PRIMARY KEY (id)
);

INSERT INTO feed_head (id, seq, exported_to) VALUES (1, 0, 0);

CREATE VIEW decision_feed_view AS SELECT f.seq, f.application_no, f.loan_no, f.decision, f.rule_codes, f.feature_codes, f.model_version_id, f.rule_set_id, f.policy_version_id, f.decided_by, f.checked_by, f.final_at, f.signature, a.acknowledged_at FROM decision_feed f LEFT JOIN feed_ack a ON a.seq = f.seq;

UPDATE alembic_version SET version_num='0014' WHERE alembic_version.version_num = '0013';

-- Running upgrade 0014 -> 0015

CREATE TABLE rule_proposal (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    status VARCHAR(12) NOT NULL, 
    changes MEDIUMTEXT NOT NULL, 
    why VARCHAR(500) NOT NULL, 
    effective_from DATETIME(6), 
    base_rule_set_id INTEGER NOT NULL, 
    base_policy_version_id INTEGER NOT NULL, 
    proposed_by VARCHAR(64) NOT NULL, 
    proposed_at DATETIME(6) NOT NULL, 
    decided_by VARCHAR(64), 
    decided_at DATETIME(6), 
    decision_note VARCHAR(500) NOT NULL, 
    rule_set_id INTEGER, 
    policy_version_id INTEGER, 
    PRIMARY KEY (id), 
    FOREIGN KEY(base_policy_version_id) REFERENCES policy_version (id), 
    FOREIGN KEY(base_rule_set_id) REFERENCES rule_set (id), 
    FOREIGN KEY(policy_version_id) REFERENCES policy_version (id), 
    FOREIGN KEY(rule_set_id) REFERENCES rule_set (id)
);

CREATE INDEX ix_rule_proposal_status ON rule_proposal (status);

UPDATE alembic_version SET version_num='0015' WHERE alembic_version.version_num = '0014';

-- Running upgrade 0015 -> 0016

CREATE TABLE link_key (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    kind VARCHAR(8) NOT NULL, 
    key_hash VARCHAR(64) NOT NULL, 
    masked VARCHAR(32) NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (kind, key_hash)
);

CREATE TABLE link_edge (
    application_id INTEGER NOT NULL, 
    key_id INTEGER NOT NULL, 
    via VARCHAR(16) NOT NULL, 
    applicant_id INTEGER NOT NULL, 
    seen_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (application_id, key_id, via), 
    FOREIGN KEY(applicant_id) REFERENCES applicant (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(key_id) REFERENCES link_key (id)
);

CREATE INDEX ix_link_edge_applicant_seen ON link_edge (applicant_id, seen_at);

CREATE INDEX ix_link_edge_key_seen ON link_edge (key_id, seen_at);

CREATE TABLE case_application (
    case_id INTEGER NOT NULL, 
    application_id INTEGER NOT NULL, 
    PRIMARY KEY (case_id, application_id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id)
);

CREATE INDEX ix_case_application_application_id ON case_application (application_id);

CREATE TABLE fraud_ring (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    status VARCHAR(16) NOT NULL, 
    case_id INTEGER, 
    applicants INTEGER NOT NULL, 
    applications INTEGER NOT NULL, 
    `keys` INTEGER NOT NULL, 
    amount NUMERIC(14, 2) NOT NULL, 
    metrics MEDIUMTEXT NOT NULL, 
    first_seen DATETIME(6), 
    last_seen DATETIME(6), 
    created_at DATETIME(6) NOT NULL, 
    updated_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(case_id) REFERENCES review_case (id)
);

CREATE TABLE ring_member (
    ring_id INTEGER NOT NULL, 
    applicant_id INTEGER NOT NULL, 
    PRIMARY KEY (ring_id, applicant_id), 
    FOREIGN KEY(applicant_id) REFERENCES applicant (id), 
    FOREIGN KEY(ring_id) REFERENCES fraud_ring (id)
);

CREATE INDEX ix_ring_member_applicant_id ON ring_member (applicant_id);

ALTER TABLE application ADD COLUMN contact_phone_hash VARCHAR(64);

ALTER TABLE application ADD COLUMN contact_phone_masked VARCHAR(16);

ALTER TABLE application ADD COLUMN employer_hash VARCHAR(64);

ALTER TABLE application ADD COLUMN employer_masked VARCHAR(32);

UPDATE alembic_version SET version_num='0016' WHERE alembic_version.version_num = '0015';

-- Running upgrade 0016 -> 0017

CREATE TABLE list_entry (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    list_name VARCHAR(8) NOT NULL, 
    kind VARCHAR(8) NOT NULL, 
    value_key VARCHAR(64) NOT NULL, 
    masked VARCHAR(32) NOT NULL, 
    reason VARCHAR(500) NOT NULL, 
    source VARCHAR(128) NOT NULL, 
    expires_at DATETIME(6), 
    added_by VARCHAR(64) NOT NULL, 
    added_at DATETIME(6) NOT NULL, 
    live INTEGER, 
    removal_requested_by VARCHAR(64), 
    removal_requested_at DATETIME(6), 
    removal_reason VARCHAR(500) NOT NULL, 
    removed_by VARCHAR(64), 
    removed_at DATETIME(6), 
    PRIMARY KEY (id), 
    UNIQUE (list_name, kind, value_key, live)
);

CREATE INDEX ix_list_entry_key ON list_entry (kind, value_key);

INSERT INTO list_entry (id, list_name, source, live, removal_reason, kind, value_key, masked, reason, added_by, added_at) SELECT id, 'black', CASE WHEN kind = 'device' THEN 'unhashed' ELSE 'manual' END, 1, '', kind, value_key, masked, reason, added_by, added_at FROM blacklist_entry;

UPDATE text_pii SET entity = 'list_entry' WHERE entity = 'blacklist_entry';

DROP TABLE blacklist_entry;

UPDATE alembic_version SET version_num='0017' WHERE alembic_version.version_num = '0016';

-- Running upgrade 0017 -> 0018

ALTER TABLE model_version ADD COLUMN validation_report_id INTEGER;

ALTER TABLE model_version ADD COLUMN validation_sha256 VARCHAR(64);

ALTER TABLE model_version ADD COLUMN validation_findings MEDIUMTEXT;

ALTER TABLE model_version ADD COLUMN next_validation_at DATETIME(6);

UPDATE alembic_version SET version_num='0018' WHERE alembic_version.version_num = '0017';

-- Running upgrade 0018 -> 0019

CREATE TABLE case_tally (
    tally VARCHAR(16) NOT NULL, 
    shard INTEGER NOT NULL, 
    n INTEGER NOT NULL, 
    PRIMARY KEY (tally, shard)
);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 0, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 1, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 2, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 3, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 4, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 5, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 6, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 7, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 8, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 9, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 10, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 11, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 12, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 13, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 14, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('all', 15, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 0, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 1, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 2, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 3, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 4, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 5, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 6, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 7, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 8, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 9, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 10, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 11, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 12, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 13, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 14, 0);

INSERT INTO case_tally (tally, shard, n) VALUES ('open', 15, 0);

CREATE INDEX ix_application_phone_masked ON application (phone_masked, id);

UPDATE alembic_version SET version_num='0019' WHERE alembic_version.version_num = '0018';

-- Running upgrade 0019 -> 0020

CREATE TABLE shadow_score (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    application_id INTEGER NOT NULL, 
    model_version_id INTEGER NOT NULL, 
    decision_record_id INTEGER NOT NULL, 
    run_id INTEGER NOT NULL, 
    policy_version_id INTEGER NOT NULL, 
    pd DOUBLE NOT NULL, 
    points INTEGER NOT NULL, 
    band VARCHAR(8) NOT NULL, 
    flagged BOOL NOT NULL, 
    created_at DATETIME(6) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(application_id) REFERENCES application (id), 
    FOREIGN KEY(decision_record_id) REFERENCES decision_record (id), 
    FOREIGN KEY(model_version_id) REFERENCES model_version (id), 
    FOREIGN KEY(policy_version_id) REFERENCES policy_version (id), 
    FOREIGN KEY(run_id) REFERENCES score_run (id), 
    UNIQUE (decision_record_id, model_version_id)
);

ALTER TABLE model_version ADD COLUMN shadow_slot INTEGER;

ALTER TABLE model_version ADD COLUMN shadow_approved_by VARCHAR(64);

ALTER TABLE model_version ADD COLUMN shadow_approved_at DATETIME(6);

CREATE UNIQUE INDEX ix_model_version_shadow_slot ON model_version (shadow_slot);

UPDATE alembic_version SET version_num='0020' WHERE alembic_version.version_num = '0019';


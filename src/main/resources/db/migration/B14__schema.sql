-- Herald's whole schema as V1 to V14 leave it, in one script: Flyway runs it on an empty database instead of the
-- migrations up to V14 (a fresh store starts sooner), and never on a database that has any of them. Each later
-- migration goes on top of both. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode; the conventions and the
-- reasons for each table and index are in the migration that brought it. Columns that a migration added are last,
-- in its order, as they are in an upgraded database.

CREATE TABLE events (
    source            VARCHAR(512)  NOT NULL,
    id                VARCHAR(256)  NOT NULL,
    type              VARCHAR(512)  NOT NULL,
    subject           VARCHAR(1024),
    event_time        TIMESTAMP WITH TIME ZONE,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attributes        TEXT,
    data_content_type VARCHAR(256),
    data              TEXT,
    status            VARCHAR(16)   NOT NULL,
    matched_rules     TEXT,
    routed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT events_pk PRIMARY KEY (source, id)
);

CREATE INDEX events_by_status ON events (status, received_at);

CREATE TABLE notifications (
    id              VARCHAR(256)  NOT NULL,
    event_source    VARCHAR(512)  NOT NULL,
    event_id        VARCHAR(256)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    rule            VARCHAR(256),
    template        VARCHAR(256),
    recipient       VARCHAR(256),
    channel         VARCHAR(16),
    address         VARCHAR(512),
    locale          VARCHAR(64),
    time_zone       VARCHAR(64),
    priority        VARCHAR(16),
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    job_id          VARCHAR(256),
    delivery_state  VARCHAR(256),
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    alert_owed      VARCHAR(64),
    CONSTRAINT notifications_pk PRIMARY KEY (id)
);

CREATE INDEX notifications_by_event ON notifications (event_source, event_id, created_at, id);
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
CREATE INDEX notifications_by_update ON notifications (status, updated_at);

CREATE TABLE audit_entries (
    id           VARCHAR(256)  NOT NULL,
    event_source VARCHAR(512)  NOT NULL,
    event_id     VARCHAR(256)  NOT NULL,
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    actor        VARCHAR(256),
    detail       TEXT,
    CONSTRAINT audit_entries_pk PRIMARY KEY (event_source, event_id, id)
);

CREATE TABLE tasks (
    id                VARCHAR(256)  NOT NULL,
    event_source      VARCHAR(512)  NOT NULL,
    event_id          VARCHAR(256)  NOT NULL,
    rule              VARCHAR(256),
    title             TEXT,
    entity_system     VARCHAR(128)  NOT NULL,
    entity_type       VARCHAR(128)  NOT NULL,
    entity_id         VARCHAR(256)  NOT NULL,
    entity_key        VARCHAR(514)  NOT NULL,
    actions           TEXT,
    assignees         TEXT,
    status            VARCHAR(16)   NOT NULL,
    decision_action   VARCHAR(256),
    decision_actor    VARCHAR(256),
    decision_comment  TEXT,
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_token_id VARCHAR(256),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    sla               TEXT,
    sla_check_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT tasks_pk PRIMARY KEY (id)
);

CREATE INDEX tasks_by_entity ON tasks (entity_key, created_at, id);
CREATE INDEX tasks_by_event ON tasks (event_source, event_id, created_at, id);
CREATE INDEX tasks_sla_due ON tasks (sla_check_at, id);
CREATE INDEX tasks_by_status ON tasks (status, created_at, id);

CREATE TABLE task_assignees (
    task_id      VARCHAR(256)  NOT NULL,
    user_id      VARCHAR(256)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    task_version BIGINT        NOT NULL,
    CONSTRAINT task_assignees_pk PRIMARY KEY (task_id, user_id)
);

CREATE INDEX task_assignees_by_user ON task_assignees (user_id, status, created_at, task_id);

CREATE TABLE token_uses (
    token_id          VARCHAR(256)  NOT NULL,
    task_id           VARCHAR(256)  NOT NULL,
    decision_action   VARCHAR(256),
    decision_actor    VARCHAR(256),
    decision_comment  TEXT,
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_token_id VARCHAR(256),
    CONSTRAINT token_uses_pk PRIMARY KEY (token_id)
);

CREATE TABLE write_backs (
    id              VARCHAR(256)  NOT NULL,
    task_id         VARCHAR(256),
    event_source    VARCHAR(512)  NOT NULL,
    event_id        VARCHAR(256)  NOT NULL,
    entity_system   VARCHAR(128)  NOT NULL,
    entity_type     VARCHAR(128)  NOT NULL,
    entity_id       VARCHAR(256)  NOT NULL,
    entity_key      VARCHAR(514)  NOT NULL,
    kind            VARCHAR(64)   NOT NULL,
    action          TEXT,
    actor           VARCHAR(256),
    comment         TEXT,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    alert_owed      VARCHAR(64),
    CONSTRAINT write_backs_pk PRIMARY KEY (id)
);

CREATE INDEX write_backs_by_entity ON write_backs (entity_key, status, created_at, id);
CREATE INDEX write_backs_due ON write_backs (status, next_attempt_at);
CREATE INDEX write_backs_by_task ON write_backs (task_id, created_at, id);
CREATE INDEX write_backs_by_update ON write_backs (status, updated_at);

CREATE TABLE alert_groups (
    id            VARCHAR(64)   NOT NULL,
    rule          VARCHAR(256)  NOT NULL,
    group_key     TEXT          NOT NULL,
    template      VARCHAR(256)  NOT NULL,
    priority      VARCHAR(16)   NOT NULL,
    recipient     VARCHAR(256)  NOT NULL,
    channel       VARCHAR(16)   NOT NULL,
    address       VARCHAR(512)  NOT NULL,
    locale        VARCHAR(64),
    time_zone     VARCHAR(64),
    event_count   BIGINT        NOT NULL,
    unannounced   BIGINT        NOT NULL,
    first_item    TEXT          NOT NULL,
    latest_item   TEXT          NOT NULL,
    last_event    VARCHAR(64)   NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_at TIMESTAMP WITH TIME ZONE NOT NULL,
    notified_at   TIMESTAMP WITH TIME ZONE,
    flushes       BIGINT        NOT NULL,
    last_announced BIGINT       NOT NULL,
    announcing    BOOLEAN       NOT NULL,
    next_flush_at TIMESTAMP WITH TIME ZONE,
    interval_ms   BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT alert_groups_pk PRIMARY KEY (id)
);

CREATE INDEX alert_groups_due ON alert_groups (next_flush_at, id);

CREATE TABLE throttle_windows (
    id         VARCHAR(64)  NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent       BIGINT       NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT throttle_windows_pk PRIMARY KEY (id)
);

CREATE TABLE announcement_pages (
    id              VARCHAR(128)  NOT NULL,
    announcement_id VARCHAR(64)   NOT NULL,
    page_no         INTEGER       NOT NULL,
    page_count      INTEGER       NOT NULL,
    rule            VARCHAR(256)  NOT NULL,
    template        VARCHAR(256)  NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    locale          VARCHAR(64),
    time_zone       VARCHAR(64),
    event_source    VARCHAR(512)  NOT NULL,
    event_id        VARCHAR(512)  NOT NULL,
    members         TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    send_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    job_id          VARCHAR(256),
    last_error      TEXT,
    alert_owed      VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT announcement_pages_pk PRIMARY KEY (id)
);

CREATE UNIQUE INDEX announcement_pages_by_announcement ON announcement_pages (announcement_id, page_no);

CREATE INDEX announcement_pages_due ON announcement_pages (next_attempt_at, id);
CREATE INDEX announcement_pages_by_status ON announcement_pages (status, updated_at, id);

CREATE TABLE announcement_withdrawals (
    announcement_id VARCHAR(64)   NOT NULL,
    withdrawn_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT announcement_withdrawals_pk PRIMARY KEY (announcement_id)
);

-- Herald's store: events, notifications, audit trail.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. Every query of JdbcStore is served by the
-- primary key or one of the indexes below. Enum values are stored by name; collections as JSON text.
-- Lengths bound the key columns so that index entries stay well below PostgreSQL's B-tree entry limit (2.7 kB).

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

-- unroutedEvents (newest first) and eventsAwaitingRouting (oldest first).
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
    CONSTRAINT notifications_pk PRIMARY KEY (id)
);

-- notificationsOf: oldest first, ties in id order.
CREATE INDEX notifications_by_event ON notifications (event_source, event_id, created_at, id);
-- dueNotifications: one range per status (PENDING, SENDING), each already in due order.
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
-- awaitingDeliveryStatus: SENT notifications by the time they were last changed.
CREATE INDEX notifications_by_update ON notifications (status, updated_at);

CREATE TABLE audit_entries (
    id           VARCHAR(256)  NOT NULL,
    event_source VARCHAR(512)  NOT NULL,
    event_id     VARCHAR(256)  NOT NULL,
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    actor        VARCHAR(256),
    detail       TEXT,
    CONSTRAINT audit_entries_pk PRIMARY KEY (id)
);

-- auditOf: time order, ties in id order.
CREATE INDEX audit_entries_by_event ON audit_entries (event_source, event_id, happened_at, id);

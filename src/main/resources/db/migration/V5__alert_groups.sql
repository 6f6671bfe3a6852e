-- Groups of events a rule announces together (rules.yaml, group:). One row per (rule, group key, recipient,
-- channel) whatever the number of events: a count, the first and the latest event (bounded JSON), the next time
-- the sweep announces it, and a version for conditional updates. Conventions of V1: enums by name, instants in
-- UTC to the microsecond; interval_ms is the rule's interval in milliseconds.
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

-- dueGroups: groups with a next flush, earliest first (ties in id order); rows without one are never read.
CREATE INDEX alert_groups_due ON alert_groups (next_flush_at, id);

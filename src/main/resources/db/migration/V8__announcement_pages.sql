-- Pages of targeted announcements (rules.yaml, announce:). One row per page: a bounded list of members (JSON
-- array of {user, address, state}) on one channel, sent as one submission. Conventions of V1: enums by name,
-- instants in UTC to the microsecond. next_attempt_at is null once the page is final, so the due index holds
-- only pages still to send (or owing an alert).
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

-- pagesOf: an announcement's pages in page order.
CREATE UNIQUE INDEX announcement_pages_by_announcement ON announcement_pages (announcement_id, page_no);

-- duePages: pages with a next attempt, earliest first (ties in id order); final pages are never read.
CREATE INDEX announcement_pages_due ON announcement_pages (next_attempt_at, id);

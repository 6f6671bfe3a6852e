-- Herald's task store: tasks, the action links used on them, write-backs to xConnector.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, with the conventions of V1: every query of
-- JdbcTaskStore is served by a primary key or one of the indexes below; enums are stored by name, lists as JSON
-- text; lengths keep index entries well below PostgreSQL's B-tree entry limit.
--
-- An entity is kept as its three parts plus EntityRef#key(): the parts cannot be split back out of the key when
-- one of them holds the separator, and the key is what tasksOfEntity and openWriteBacksOf look up.
-- A decision is kept in five columns named alike in tasks and token_uses; it is absent when all five are null.

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
    CONSTRAINT tasks_pk PRIMARY KEY (id)
);

-- tasksOfEntity: newest first (the index read backwards), ties in id order.
CREATE INDEX tasks_by_entity ON tasks (entity_key, created_at, id);
-- tasksOfEvent: oldest first, ties in id order.
CREATE INDEX tasks_by_event ON tasks (event_source, event_id, created_at, id);

-- tasksOfAssignee: one row per (task, assignee), derived from the task row, which alone is the truth.
--
-- A task and its rows cannot be written in one statement, and the store uses no transactions, so a reader or a
-- crash can come between the writes. Each row therefore records the task_version whose state (status,
-- created_at, assignee list) it copies, and tasksOfAssignee joins a row only to the task still at that version.
-- A row can thus be missing or outdated but never shown wrong: an answered task is never listed as OPEN, and a
-- user no longer assigned never sees it. The writes, in this order:
--   1. the task row (insert-if-absent, or the update conditional on the version read);
--   2. from the task as now stored (written by this call, or read back if the write was refused): per assignee,
--      raise the row to that version (only if it is lower: a late writer cannot undo a newer one), or insert it
--      if absent; then delete the task's rows still below that version (assignees no longer on the list).
-- Step 2 runs even when step 1 is refused, so repeating an insertTask or updateTask that a crash interrupted
-- completes the rows. Writing rows before the task row instead would let a refused duplicate insert (same id,
-- other assignees) leave rows behind that match the stored task.
CREATE TABLE task_assignees (
    task_id      VARCHAR(256)  NOT NULL,
    user_id      VARCHAR(256)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    task_version BIGINT        NOT NULL,
    CONSTRAINT task_assignees_pk PRIMARY KEY (task_id, user_id)
);

-- tasksOfAssignee: one range per (user, status), newest first (read backwards), ties in task id order.
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
    CONSTRAINT write_backs_pk PRIMARY KEY (id)
);

-- openWriteBacksOf: one range per open status (PENDING, SENDING) of the entity, each already in delivery order;
-- delivered and dead write-backs, which pile up, are never read.
CREATE INDEX write_backs_by_entity ON write_backs (entity_key, status, created_at, id);
-- dueWriteBacks: one range per status (PENDING, SENDING), each already in due order.
CREATE INDEX write_backs_due ON write_backs (status, next_attempt_at);
-- writeBacksOfTask: oldest first, ties in id order.
CREATE INDEX write_backs_by_task ON write_backs (task_id, created_at, id);

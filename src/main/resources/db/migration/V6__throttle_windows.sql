-- Throttling of a rule's notifications (rules.yaml, throttle:): per rule, person and channel, how many were sent in
-- the current period, which began at started_at. Conventions of V1; read and written by primary key only.
CREATE TABLE throttle_windows (
    id         VARCHAR(64)  NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent       BIGINT       NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT throttle_windows_pk PRIMARY KEY (id)
);

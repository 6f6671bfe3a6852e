-- Withdrawals of announcements, remembered whether or not the announcement is published yet: one published after
-- its withdrawal stores its pages withdrawn and sends nothing. Conventions of V1: instants in UTC to the
-- microsecond.
CREATE TABLE announcement_withdrawals (
    announcement_id VARCHAR(64)   NOT NULL,
    withdrawn_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT announcement_withdrawals_pk PRIMARY KEY (announcement_id)
);

-- A notification or write-back given up owes an integration-failure alert. The dead state and the alert's error
-- code are written in one row update; the row keeps its next_attempt_at until the alert is raised, so the existing
-- due indexes (status, next_attempt_at) find a DEAD row whose alert a crash left unraised. Null when nothing is owed.
ALTER TABLE notifications ADD COLUMN alert_owed VARCHAR(64);
ALTER TABLE write_backs ADD COLUMN alert_owed VARCHAR(64);

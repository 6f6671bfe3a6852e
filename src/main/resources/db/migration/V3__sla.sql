-- Tasks carry an optional SLA clock. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, with the
-- conventions of V1 and V2.
--
-- The clock, with the policy version it pinned, is read and written whole with its task, so it is kept as one JSON
-- text (SlaClockJson); null when the task has no deadline. Its next check time is copied into a column of its own
-- because dueSlaChecks looks tasks up by it: rounded UP to the microsecond (SlaCheckIndex), so that a check a few
-- nanoseconds after a whole-microsecond "now" is not taken as due; the JSON keeps the exact time, which
-- DueSlaChecks compares when "now" itself has a finer part. Null when there is no clock or nothing left to fire.
ALTER TABLE tasks ADD COLUMN sla TEXT;
ALTER TABLE tasks ADD COLUMN sla_check_at TIMESTAMP WITH TIME ZONE;

-- dueSlaChecks: one range from the earliest check up to "now", in due order, ties in id order; the rows without a
-- next check hold nulls, which sort after every time and so are never read.
CREATE INDEX tasks_sla_due ON tasks (sla_check_at, id);

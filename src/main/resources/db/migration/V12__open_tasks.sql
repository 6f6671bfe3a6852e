-- Every open task, newest first, a page at a time (JdbcTaskStore#openTasks): one range per status, each already in
-- creation order, ties in id order; a page after a cursor starts inside the range. Answered tasks, which pile up,
-- are never read. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, with the conventions of V1 and V2.
CREATE INDEX tasks_by_status ON tasks (status, created_at, id);

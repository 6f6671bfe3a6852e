# Herald's stores: events, notifications and the audit trail; tasks, their assignees, used action links and
# write-backs; the groups grouping rules count events into, and the pages announcements are sent in. On-demand
# capacity (traffic follows business events, not a steady rate), TTL on expires_at so that old items expire
# without a cleanup job, and point-in-time recovery and deletion protection because this is the only durable
# record of what was sent to whom.
#
# HERALD_DYNAMODB_TABLE_PREFIX tells the functions the prefix; the names after it are fixed by the store.

# Events, keyed by CloudEvents identity (source, id): a second delivery of the same event is a duplicate.
resource "aws_dynamodb_table" "events" {
  name                        = "${var.table_prefix}events"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "source"
  range_key                   = "id"

  attribute {
    name = "source"
    type = "S"
  }
  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "status_shard"
    type = "S"
  }
  attribute {
    name = "received_at"
    type = "N"
  }

  # Events by routing status in arrival order: unrouted events, and events whose routing did not finish. Every
  # event is written here, so each status is spread over eight keys, status#0 to status#7, by the event's key.
  global_secondary_index {
    name            = "by-status"
    hash_key        = "status_shard"
    range_key       = "received_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "notifications" {
  name                        = "${var.table_prefix}notifications"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "id"

  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "event_key"
    type = "S"
  }
  attribute {
    name = "created_key"
    type = "S"
  }
  attribute {
    name = "due_status"
    type = "S"
  }
  attribute {
    name = "next_attempt_at"
    type = "N"
  }
  attribute {
    name = "sent_status"
    type = "S"
  }
  attribute {
    name = "dead_status"
    type = "S"
  }
  attribute {
    name = "updated_at"
    type = "N"
  }

  # The notifications of one event, oldest first.
  global_secondary_index {
    name            = "by-event"
    hash_key        = "event_key"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  # Notifications to (re)send, by when they are due. Every notification passes through pending and sending, so
  # those two keys are spread over eight each (PENDING#0 to PENDING#7, by id); those owing an alert are few.
  global_secondary_index {
    name            = "by-due"
    hash_key        = "due_status"
    range_key       = "next_attempt_at"
    projection_type = "ALL"
  }

  # Sent notifications whose delivery outcome is not yet known, least recently updated first; spread like by-due.
  global_secondary_index {
    name            = "by-sent"
    hash_key        = "sent_status"
    range_key       = "updated_at"
    projection_type = "ALL"
  }

  # Dead notifications, most recently changed first: what the console offers to send again.
  global_secondary_index {
    name            = "by-dead"
    hash_key        = "dead_status"
    range_key       = "updated_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# The audit trail of each event, in time order.
resource "aws_dynamodb_table" "audit" {
  name                        = "${var.table_prefix}audit"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "event_key"
  range_key                   = "entry_key"

  attribute {
    name = "event_key"
    type = "S"
  }
  attribute {
    name = "entry_key"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# Tasks (approval requests), keyed by id. The task store writes single items only, conditional on the key being
# absent or on the version read; a user's tasks are found through task-assignees.
resource "aws_dynamodb_table" "tasks" {
  name                        = "${var.table_prefix}tasks"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "id"

  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "entity_key"
    type = "S"
  }
  attribute {
    name = "event_key"
    type = "S"
  }
  attribute {
    name = "created_key"
    type = "S"
  }
  attribute {
    name = "sla_check"
    type = "S"
  }
  attribute {
    name = "sla_check_key"
    type = "S"
  }
  attribute {
    name = "status"
    type = "S"
  }

  # The tasks about one entity, newest first.
  global_secondary_index {
    name            = "by-entity"
    hash_key        = "entity_key"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  # The tasks of one event, oldest first.
  global_secondary_index {
    name            = "by-event"
    hash_key        = "event_key"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  # Tasks whose SLA clock has a next check, earliest first: sparse (only those tasks carry sla_check), so the sweep
  # reads the checks that are due and never the open tasks without one. sla_check is "scheduled#0" to
  # "scheduled#7" by task id: one partition takes about 1,000 writes a second, eight take the checks of 8,000
  # (the store reads all eight and merges them).
  global_secondary_index {
    name            = "by-sla-check"
    hash_key        = "sla_check"
    range_key       = "sla_check_key"
    projection_type = "ALL"
  }

  # Every open task, newest first, a page at a time (the console's task list): the partition OPEN, read from a
  # cursor; answered tasks sit in partition ANSWERED, which is never read. Keyed by the status every task carries,
  # so tasks written before the index existed are in it too. One partition takes about 1,000 writes a second:
  # task inserts and updates (decisions, SLA checkpoints) of the whole deployment stay well below.
  global_secondary_index {
    name            = "by-status"
    hash_key        = "status"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# One row per (assignee, task), newest task first: assignees is a list, which cannot be an index key. Rows only
# point to tasks; readers check the task itself.
resource "aws_dynamodb_table" "task_assignees" {
  name                        = "${var.table_prefix}task-assignees"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "assignee"
  range_key                   = "task_key"

  attribute {
    name = "assignee"
    type = "S"
  }
  attribute {
    name = "task_key"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# The action links used: a token is used once.
resource "aws_dynamodb_table" "token_uses" {
  name                        = "${var.table_prefix}token-uses"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "token_id"

  attribute {
    name = "token_id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# Write-backs to xConnector, keyed by id (their idempotency key).
resource "aws_dynamodb_table" "write_backs" {
  name                        = "${var.table_prefix}write-backs"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "id"

  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "open_entity_key"
    type = "S"
  }
  attribute {
    name = "created_key"
    type = "S"
  }
  attribute {
    name = "due_status"
    type = "S"
  }
  attribute {
    name = "next_attempt_at"
    type = "N"
  }
  attribute {
    name = "task_id"
    type = "S"
  }
  attribute {
    name = "dead_status"
    type = "S"
  }
  attribute {
    name = "updated_at"
    type = "N"
  }

  # Write-backs of one entity not yet delivered or dead, oldest first: the order they must be delivered in.
  global_secondary_index {
    name            = "open-by-entity"
    hash_key        = "open_entity_key"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  # Write-backs to (re)send, by when they are due.
  global_secondary_index {
    name            = "by-due"
    hash_key        = "due_status"
    range_key       = "next_attempt_at"
    projection_type = "ALL"
  }

  # The write-backs of one task, oldest first.
  global_secondary_index {
    name            = "by-task"
    hash_key        = "task_id"
    range_key       = "created_key"
    projection_type = "ALL"
  }

  # Dead write-backs, most recently changed first: what the console offers to deliver again.
  global_secondary_index {
    name            = "by-dead"
    hash_key        = "dead_status"
    range_key       = "updated_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

# Groups of events announced together (rules with a group block), keyed by id: one item per rule, group key,
# recipient and channel, of bounded size whatever the number of events.
resource "aws_dynamodb_table" "groups" {
  name                        = "${var.table_prefix}groups"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.table_deletion_protection
  hash_key                    = "id"

  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "due"
    type = "S"
  }
  attribute {
    name = "next_flush_at"
    type = "N"
  }

  # Groups with an announcement due, by when (sparse: only groups with something to announce carry "due"),
  # announcement pages still to send, under due = "PAGE", and sent pages whose deliveries are not all known, by
  # sending time, under due = "PAGE-SENT".
  global_secondary_index {
    name            = "by-due"
    hash_key        = "due"
    range_key       = "next_flush_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

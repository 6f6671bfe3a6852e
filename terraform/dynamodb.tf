# Herald's store: events, notifications and the audit trail. On-demand capacity (traffic follows business
# events, not a steady rate), TTL on expires_at so that old items expire without a cleanup job, and
# point-in-time recovery because this is the only durable record of what was sent to whom.
#
# HERALD_DYNAMODB_TABLE_PREFIX tells the functions the prefix; the names after it are fixed by the store.

# Events, keyed by CloudEvents identity (source, id): a second delivery of the same event is a duplicate.
resource "aws_dynamodb_table" "events" {
  name         = "${var.table_prefix}events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "source"
  range_key    = "id"

  attribute {
    name = "source"
    type = "S"
  }
  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "status"
    type = "S"
  }
  attribute {
    name = "received_at"
    type = "N"
  }

  # Events by routing status in arrival order: unrouted events, and events whose routing did not finish.
  global_secondary_index {
    name            = "by-status"
    hash_key        = "status"
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
  name         = "${var.table_prefix}notifications"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

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

  # Notifications to (re)send, by when they are due.
  global_secondary_index {
    name            = "by-due"
    hash_key        = "due_status"
    range_key       = "next_attempt_at"
    projection_type = "ALL"
  }

  # Sent notifications whose delivery outcome is not yet known, least recently updated first.
  global_secondary_index {
    name            = "by-sent"
    hash_key        = "sent_status"
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
  name         = "${var.table_prefix}audit"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "event_key"
  range_key    = "entry_key"

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

locals {
  # The table names functions.yaml uses under "tables" => the table, for the functions' IAM policies.
  table_arns = {
    events        = aws_dynamodb_table.events.arn
    notifications = aws_dynamodb_table.notifications.arn
    audit         = aws_dynamodb_table.audit.arn
  }
}

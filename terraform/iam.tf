# One role per function, allowed exactly what functions.yaml says the function touches: its own log group,
# the tables under "tables", the queues under "sends_to" and the queue that triggers it. Secrets need no
# permission here: they are handed over at deploy time (see secrets.tf).

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = "${var.name_prefix}${each.key}"
  description        = "Herald function ${each.key}: only what functions.yaml says it uses."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "function" {
  for_each = local.functions

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }

  dynamic "statement" {
    for_each = length(try(each.value.tables, [])) > 0 ? [each.value.tables] : []
    content {
      sid = "UseItsTables"
      # The store reads and writes single items (writes are conditional puts and updates) and queries the
      # tables and their indexes. It neither scans nor deletes: old items expire by TTL.
      actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
      resources = flatten([
        for table in statement.value : [local.table_arns[table], "${local.table_arns[table]}/index/*"]
      ])
    }
  }

  dynamic "statement" {
    for_each = length(try(each.value.sends_to, [])) > 0 ? [each.value.sends_to] : []
    content {
      sid = "SendToItsQueues"
      # GetQueueUrl: the functions know queues by name (HERALD_QUEUE_SQS_NAME_PREFIX + queue).
      actions   = ["sqs:GetQueueUrl", "sqs:SendMessage"]
      resources = [for queue in statement.value : aws_sqs_queue.queue[queue].arn]
    }
  }

  dynamic "statement" {
    for_each = try(each.value.queue, null) != null ? [each.value.queue] : []
    content {
      sid = "ConsumeItsQueue"
      # What the event source mapping does with the function's role.
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      resources = [aws_sqs_queue.queue[statement.value].arn]
    }
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name   = "${each.key}-access"
  role   = aws_iam_role.function[each.key].id
  policy = data.aws_iam_policy_document.function[each.key].json
}

# EventBridge Scheduler assumes one role per schedule, which may invoke that schedule's function only.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    # Only schedules of this account may use the role.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  for_each = local.schedules

  name               = "${var.name_prefix}schedule-${each.key}"
  description        = "EventBridge Scheduler: schedule ${each.key} invokes function ${local.schedule_targets[each.key]}."
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  for_each = local.schedules

  statement {
    sid       = "InvokeItsFunction"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.function[local.schedule_targets[each.key]].arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  for_each = local.schedules

  name   = "invoke-${local.schedule_targets[each.key]}"
  role   = aws_iam_role.scheduler[each.key].id
  policy = data.aws_iam_policy_document.scheduler[each.key].json
}

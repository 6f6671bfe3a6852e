# One role per function, allowed exactly what functions.yaml says the function touches: its own log group,
# the tables under "tables", the queues under "sends_to", the queue that triggers it and the SSM parameters of its
# "secrets", which it reads at start-up (see secrets.tf). The policies name resources by the ARNs of arns.tf, so
# terraform plan shows them whole.

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
    resources = ["${local.log_group_arns[each.key]}:*"]
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
      resources = [for queue in statement.value : local.queue_arns[queue]]
    }
  }

  dynamic "statement" {
    for_each = length(local.function_secrets[each.key]) > 0 ? [local.function_secrets[each.key]] : []
    content {
      sid = "ReadItsSecrets"
      # GetParameters only: the function reads all its parameters in one call.
      actions   = ["ssm:GetParameters"]
      resources = [for secret, parameter in statement.value : local.secret_parameter_arns[secret]]
    }
  }

  # With the AWS managed key aws/ssm no statement is needed: its key policy lets every principal of the account
  # decrypt through SSM. A customer managed key is usable only through SSM in this region, for these parameters.
  dynamic "statement" {
    for_each = length(local.function_secrets[each.key]) > 0 && var.secrets_kms_key_arn != "" ? [var.secrets_kms_key_arn] : []
    content {
      sid       = "DecryptItsSecrets"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${var.aws_region}.amazonaws.com"]
      }
    }
  }

  dynamic "statement" {
    for_each = try(each.value.queue, null) != null ? [each.value.queue] : []
    content {
      sid = "ConsumeItsQueue"
      # What the event source mapping does with the function's role.
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      resources = [local.queue_arns[statement.value]]
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
      values   = [var.aws_account_id]
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
    resources = [local.alias_arns[local.schedule_targets[each.key]]]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  for_each = local.schedules

  name   = "invoke-${local.schedule_targets[each.key]}"
  role   = aws_iam_role.scheduler[each.key].id
  policy = data.aws_iam_policy_document.scheduler[each.key].json
}

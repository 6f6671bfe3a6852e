# The queues of functions.yaml, each with its dead-letter queue, and the event source mapping that feeds each
# queue's messages to the function naming it as its trigger.

resource "aws_sqs_queue" "dlq" {
  for_each = local.queues

  name       = local.queue_names[each.key].dlq
  fifo_queue = try(each.value.fifo, false)
  # The longest SQS allows: time to find out why messages failed and redrive them.
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "queue" {
  for_each = local.queues

  name       = local.queue_names[each.key].queue
  fifo_queue = try(each.value.fifo, false)
  # AWS's rule for queues consumed by Lambda: at least six times the function's timeout, so that a message
  # is not handed out again while Lambda's poller is still retrying a throttled or slow invocation with it.
  visibility_timeout_seconds = 6 * local.functions[local.queue_consumers[each.key]].timeout_seconds
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.max_receive_count
  })
}

resource "aws_lambda_event_source_mapping" "queue" {
  for_each = local.queue_consumers

  event_source_arn = aws_sqs_queue.queue[each.key].arn
  # The function's alias as arns.tf builds its ARN, so that the plan shows which function each queue feeds.
  function_name = local.alias_arns[each.value]
  batch_size    = local.queues[each.key].batch_size
  # Herald answers with the messages that failed; only those are received again (and dead-lettered after
  # max_receive_count), not the whole batch.
  function_response_types = ["ReportBatchItemFailures"]

  # However long the backlog, at most this many invocations work on the queue at once, and so at most this many
  # call the outside system (OpenText, xConnector) together.
  dynamic "scaling_config" {
    for_each = try(local.queues[each.key].max_concurrency, null) != null ? [local.queues[each.key].max_concurrency] : []
    content {
      maximum_concurrency = scaling_config.value
    }
  }

  # Lambda checks that the function exists, and that its role may receive from the queue, when the mapping is
  # created.
  depends_on = [aws_lambda_alias.live, aws_iam_role_policy.function]

  lifecycle {
    # A batch whose slow messages outlast the function's timeout fails as a whole: every message of it is received
    # again, and dead-lettered after max_receive_count, instead of failing single calls that Herald retries itself.
    precondition {
      condition     = try(local.queues[each.key].message_seconds, 0) > 0 && local.functions[each.value].timeout_seconds >= local.queues[each.key].batch_size * try(local.queues[each.key].message_seconds, 0)
      error_message = "functions.yaml: function ${each.value} has timeout_seconds ${local.functions[each.value].timeout_seconds}; a batch of queue ${each.key} may take batch_size x message_seconds = ${local.queues[each.key].batch_size} x ${try(local.queues[each.key].message_seconds, "(message_seconds missing)")} seconds."
    }
  }
}

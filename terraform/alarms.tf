# Alarms that need a person: a dead-letter queue holding messages, and a function failing. Both notify
# var.alarm_topic_arn when they fire and when they clear.

# A message reaches a dead-letter queue after max_receive_count failed receives. Herald's own retries are
# separate (they are new messages), so a dead-lettered message means the function itself kept failing on it.
resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  for_each = local.queues

  alarm_name        = "${local.queue_names[each.key].dlq}-not-empty"
  alarm_description = "Messages of queue ${each.key} failed ${each.value.max_receive_count} times and were dead-lettered. Find the cause in the consumer's logs, then redrive them."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.dlq[each.key].name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # SQS stops reporting on a queue that has been empty and idle for a while: that is not a problem.
  treat_missing_data = "notBreaching"
  alarm_actions      = [var.alarm_topic_arn]
  ok_actions         = [var.alarm_topic_arn]
}

# Lambda's Errors count invocations that failed as a whole (an exception out of the handler, a timeout, a
# crash). Herald turns ordinary failures into HTTP answers or per-message batch failures, so any is worth a look.
resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = local.functions

  alarm_name        = "${var.name_prefix}${each.key}-errors"
  alarm_description = "Invocations of Herald function ${each.key} failed. See its log group /aws/lambda/${var.name_prefix}${each.key}."
  namespace         = "AWS/Lambda"
  metric_name       = "Errors"
  dimensions = {
    FunctionName = aws_lambda_function.function[each.key].function_name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

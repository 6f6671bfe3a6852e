# Alarms that need a person: a dead-letter queue holding messages, a function failing, throttled or stopped as a
# loop, a queue backing up, the API answering 5xx, a schedule not running. All notify var.alarm_topic_arn when they
# fire and when they clear.

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

# Throttled invocations: a function at its reserved concurrency (functions.yaml), or the account out of it. For a
# queue consumer Lambda's poller waits and tries again, so messages only wait; for the HTTP routes callers get 429.
resource "aws_cloudwatch_metric_alarm" "function_throttles" {
  for_each = local.functions

  alarm_name          = "${var.name_prefix}${each.key}-throttles"
  alarm_description   = "Invocations of Herald function ${each.key} were throttled: it reached its reserved concurrency or the account ran out. Raise reserved_concurrency in functions.yaml or the account's quota (terraform/README.md, Capacity)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.function[each.key].function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

# Lambda stopped a chain of invocations it took for a runaway loop. The functions that wake themselves on purpose
# are allowed to (lambda.tf); for any other function it is a loop nobody meant, and its messages are gone.
resource "aws_cloudwatch_metric_alarm" "recursive_invocations_dropped" {
  for_each = local.functions

  alarm_name          = "${var.name_prefix}${each.key}-recursion-dropped"
  alarm_description   = "Lambda stopped invocations of Herald function ${each.key} as a recursive loop; the messages involved were dropped. See its log group /aws/lambda/${var.name_prefix}${each.key}."
  namespace           = "AWS/Lambda"
  metric_name         = "RecursiveInvocationsDropped"
  dimensions          = { FunctionName = aws_lambda_function.function[each.key].function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

# Messages waiting too long: the consumer is failing, throttled, or cannot keep up. Retries and delivery-status
# checks are sent with a delay of up to 15 minutes (the longest SQS allows), so only twice that is a backlog.
resource "aws_cloudwatch_metric_alarm" "queue_backlog" {
  for_each = local.queues

  alarm_name          = "${local.queue_names[each.key].queue}-backlog"
  alarm_description   = "The oldest message of queue ${each.key} has waited over 30 minutes: its consumer ${local.queue_consumers[each.key]} is failing, throttled or too slow. See its Errors and Throttles alarms and its max_concurrency in functions.yaml."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.queue[each.key].name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = 1800
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

# 5xx answers of the API: Herald's own (500 for a failure nobody handled, 503 when the store failed) and API
# Gateway's when a function failed, timed out or was throttled. Senders retry, but each is worth a look.
resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "${var.name_prefix}api-5xx"
  alarm_description   = "Herald's HTTP API answered 5xx. See the access log /aws/apigateway/${var.name_prefix}api and the functions' Errors and Throttles alarms."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  dimensions          = { ApiId = aws_apigatewayv2_api.http.id, Stage = aws_apigatewayv2_stage.default.name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

# Ticks EventBridge Scheduler gave up on after the schedule's retry policy: the function was not invoked at all
# (throttled, deleted, the role refused). A tick the function ran and failed counts under its Errors alarm.
resource "aws_cloudwatch_metric_alarm" "schedule_invocations_dropped" {
  alarm_name          = "${var.name_prefix}schedules-dropped"
  alarm_description   = "EventBridge Scheduler dropped invocations of Herald's schedules (group ${aws_scheduler_schedule_group.herald.name}) after their retries: a scheduled function did not run."
  namespace           = "AWS/Scheduler"
  metric_name         = "InvocationDroppedCount"
  dimensions          = { ScheduleGroup = aws_scheduler_schedule_group.herald.name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

output "api_url" {
  description = "Base URL of Herald's HTTP API; xConnector posts events to <api_url>/events (HERALD_URL for bin/send-event)."
  value       = aws_apigatewayv2_api.http.api_endpoint
}

output "api_execution_arn" {
  description = "Execution ARN of the HTTP API. Whoever calls a route with auth iam needs execute-api:Invoke on <arn>/<stage>/<METHOD>/<path>, e.g. <arn>/*/GET/events*."
  value       = aws_apigatewayv2_api.http.execution_arn
}

output "functions" {
  description = "Each function of functions.yaml: its Lambda function name and ARN, and the handler it runs (QUARKUS_LAMBDA_HANDLER)."
  value = {
    for name, fn in local.functions : name => {
      function_name = aws_lambda_function.function[name].function_name
      arn           = aws_lambda_function.function[name].arn
      handler       = fn.handler
    }
  }
}

output "http_routes" {
  description = "API Gateway route keys, the function behind each, how each is authorised (hmac: by the function; iam: SigV4 by API Gateway; operator: an operator's API key or console session, checked by the function) and, for iam and operator routes, the access an operator needs (read, or operate for a route that changes something, such as POST /console/replay)."
  value       = { for key, route in local.http_routes : key => { function = route.function, auth = route.auth, access = route.access } }
}

output "queues" {
  description = "Each queue of functions.yaml: its URL, its dead-letter queue's URL and the function it triggers."
  value = {
    for name, queue in aws_sqs_queue.queue : name => {
      url      = queue.url
      dlq_url  = aws_sqs_queue.dlq[name].url
      consumer = local.queue_consumers[name]
    }
  }
}

output "tables" {
  description = "The DynamoDB tables by their name in functions.yaml (events, notifications, audit, tasks, task-assignees, token-uses, write-backs, groups)."
  value = {
    events           = aws_dynamodb_table.events.name
    notifications    = aws_dynamodb_table.notifications.name
    audit            = aws_dynamodb_table.audit.name
    tasks            = aws_dynamodb_table.tasks.name
    "task-assignees" = aws_dynamodb_table.task_assignees.name
    "token-uses"     = aws_dynamodb_table.token_uses.name
    "write-backs"    = aws_dynamodb_table.write_backs.name
    groups           = aws_dynamodb_table.groups.name
  }
}

output "schedules" {
  description = "Each schedule of functions.yaml: its EventBridge Scheduler schedule name and the function it invokes."
  value = {
    for name, schedule in aws_scheduler_schedule.schedule : name => {
      schedule = schedule.name
      function = local.schedule_targets[name]
    }
  }
}

output "alarms" {
  description = "Names of the CloudWatch alarms: per queue its dead-letter queue and backlog, per function its errors, throttles and dropped recursive invocations, the API's 5xx answers and the schedules' dropped invocations."
  value = concat(
    [for alarm in aws_cloudwatch_metric_alarm.dlq_not_empty : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.queue_backlog : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.function_errors : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.function_throttles : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.recursive_invocations_dropped : alarm.alarm_name],
    [aws_cloudwatch_metric_alarm.api_5xx.alarm_name, aws_cloudwatch_metric_alarm.schedule_invocations_dropped.alarm_name],
  )
}

# One Lambda function per entry of functions.yaml, all from the same function.zip (the native bootstrap);
# QUARKUS_LAMBDA_HANDLER selects which of Herald's handlers each one runs.

# Created here rather than by Lambda on first use so that logs expire, and so that the functions need no
# permission to create log groups.
resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${var.name_prefix}${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "function" {
  for_each = local.functions

  function_name = "${var.name_prefix}${each.key}"
  description   = each.value.description
  role          = aws_iam_role.function[each.key].arn

  filename         = local.function_zip
  source_code_hash = filebase64sha256(local.function_zip)
  runtime          = "provided.al2023"
  architectures    = [var.architecture]
  # The provided runtime runs the native bootstrap, which ignores this field; the handler is chosen by
  # QUARKUS_LAMBDA_HANDLER below. The value is the one Quarkus' own templates use.
  handler = "not.used.in.provided.runtime"

  memory_size = each.value.memory_mb
  timeout     = each.value.timeout_seconds
  # Set aside for this function and its ceiling: open routes or a backlog cannot take the whole account's
  # concurrency, and the function always has its share. -1: none reserved.
  reserved_concurrent_executions = try(each.value.reserved_concurrency, -1)

  environment {
    variables = merge(
      local.environment,
      { QUARKUS_LAMBDA_HANDLER = each.value.handler },
      # Where the secrets this function lists in functions.yaml are, not their values: it reads them from SSM
      # Parameter Store when it starts (secrets.tf).
      { for secret, parameter in local.function_secrets[each.key] : "${secret}_SSM_PARAMETER" => parameter },
    )
  }

  depends_on = [aws_cloudwatch_log_group.function]
}

# Dispatch and writeback post to their own queue on purpose: retries with backoff for up to 24 hours and delivery-
# status checks every 15 seconds for up to 2 hours. Lambda would take such a chain for a runaway loop and drop it
# after about 16 rounds, without a trace but the RecursiveInvocationsDropped metric. Herald's own limits end these
# loops (max-attempts, give-up-after); every other function keeps Lambda's default, Terminate.
resource "aws_lambda_function_recursion_config" "self_waking" {
  for_each = local.self_waking_functions

  function_name  = aws_lambda_function.function[each.key].function_name
  recursive_loop = "Allow"
}

# A scheduled function is invoked asynchronously; Lambda would retry a failed tick twice within six hours by
# default. Its schedule says what a tick is worth (functions.yaml: max_retry_attempts, max_event_age_seconds);
# Lambda retries at most twice.
resource "aws_lambda_function_event_invoke_config" "scheduled" {
  for_each = local.scheduled_functions

  function_name                = aws_lambda_function.function[each.key].function_name
  maximum_retry_attempts       = try(min(2, each.value.max_retry_attempts), null)
  maximum_event_age_in_seconds = try(each.value.max_event_age_seconds, null)
}

# One Lambda function per entry of functions.yaml, all from the same function.zip (the native bootstrap, or with
# lambda_runtime = "java21" the JVM build); QUARKUS_LAMBDA_HANDLER selects which of Herald's handlers each one runs.
# Triggers invoke each function through its alias "live".

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
  runtime          = var.lambda_runtime
  architectures    = [var.architecture]
  # The provided runtime runs the native bootstrap, which ignores this field (the value is the one Quarkus' own
  # templates use); the Java runtime starts Quarkus' stream handler. Either way QUARKUS_LAMBDA_HANDLER below
  # chooses Herald's handler.
  handler = local.jvm ? "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest" : "not.used.in.provided.runtime"

  # SnapStart: Lambda starts Herald once per published version, snapshots it and starts every execution environment
  # from the snapshot, so a JVM cold start takes well under a second instead of its init of several seconds
  # (bench/README.md, "Lambda cold start"). Only published versions are snapshotted; every change of code or
  # configuration publishes one, and the alias moves to it.
  publish = local.jvm
  dynamic "snap_start" {
    for_each = local.jvm ? ["PublishedVersions"] : []
    content {
      apply_on = snap_start.value
    }
  }

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
      # A function that checks operators itself (the console) is told each operator's access; their keys' hashes
      # are parameters above.
      contains(try(each.value.secrets, []), local.operator_keys) ? local.operator_key_accesses : {},
    )
  }

  lifecycle {
    # API Gateway lets the console's requests through: without a key to check, nobody could use it, and no
    # function is deployed open.
    precondition {
      condition     = !contains(try(each.value.secrets, []), local.operator_keys) || length(var.console_operators) > 0
      error_message = "function ${each.key} admits operators by their API keys: set console_operators (and their keys' SSM parameters)."
    }
  }

  depends_on = [aws_cloudwatch_log_group.function]
}

resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = local.alias
  description      = "What Herald's triggers invoke: with SnapStart the newest published version, else the latest code."
  function_name    = aws_lambda_function.function[each.key].function_name
  function_version = aws_lambda_function.function[each.key].version
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
  qualifier                    = aws_lambda_alias.live[each.key].name
  maximum_retry_attempts       = try(min(2, each.value.max_retry_attempts), null)
  maximum_event_age_in_seconds = try(each.value.max_event_age_seconds, null)
}

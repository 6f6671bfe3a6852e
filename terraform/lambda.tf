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

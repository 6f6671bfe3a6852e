# The HTTP API in front of every function with routes in functions.yaml. API Gateway passes requests through
# unchanged (Lambda proxy, payload format 2.0); Herald answers them itself.

resource "aws_apigatewayv2_api" "http" {
  name          = "${var.name_prefix}api"
  description   = "Herald: the HTTP routes of functions.yaml."
  protocol_type = "HTTP"
}

# The $default stage serves the API at its base URL, and auto-deploy makes every route change live on apply.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  # The signed routes are open to the internet: a flood of requests, signed or not, is answered 429 here rather
  # than taking the functions' concurrency (functions.yaml: api).
  default_route_settings {
    throttling_rate_limit  = local.wiring.api.throttling_rate_limit
    throttling_burst_limit = local.wiring.api.throttling_burst_limit
  }

  # One JSON line per request. The route key rather than the path, and no query string: action links carry
  # their token in the query, and task ids are in paths.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      caller             = "$context.identity.userArn"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
      error              = "$context.error.message"
    })
  }
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${var.name_prefix}api"
  retention_in_days = var.log_retention_days
}

# One integration per function; all of the function's routes share it.
resource "aws_apigatewayv2_integration" "function" {
  for_each = local.http_functions

  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_method     = "POST" # how API Gateway calls Lambda's Invoke API, whatever the route's method
  integration_uri        = aws_lambda_alias.live[each.key].invoke_arn
  payload_format_version = "2.0"
  # No point waiting for a function that has already been stopped (HTTP APIs allow 30 s at most).
  timeout_milliseconds = min(30000, each.value.timeout_seconds * 1000)
}

resource "aws_apigatewayv2_route" "route" {
  for_each = local.http_routes

  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.key
  target    = "integrations/${aws_apigatewayv2_integration.function[each.value.function].id}"
  # hmac: the function verifies the sender's signature itself, so API Gateway lets every request through.
  # iam: only requests signed (SigV4) by an AWS principal allowed execute-api:Invoke on the route get through.
  # operator: a browser's route (the console), which cannot sign for IAM: every request gets through, and the
  # function admits only operators, by their API key or the session cookie they signed in for.
  authorization_type = each.value.auth == "iam" ? "AWS_IAM" : "NONE"

  lifecycle {
    precondition {
      condition     = contains(["hmac", "iam", "operator"], each.value.auth)
      error_message = "functions.yaml: route ${each.key} has auth '${each.value.auth}'; use hmac, iam or operator."
    }
  }
}

# API Gateway may invoke a function for its own routes only. The source ARN is
# <api>/<stage>/<METHOD>/<path>; path parameters ({id}, {proxy+}) and ANY become wildcards.
resource "aws_lambda_permission" "api" {
  for_each = local.http_routes

  statement_id  = "api-${replace(each.key, "/[^A-Za-z0-9_-]+/", "-")}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function[each.value.function].function_name
  qualifier     = aws_lambda_alias.live[each.value.function].name
  principal     = "apigateway.amazonaws.com"
  source_arn = join("/", [
    aws_apigatewayv2_api.http.execution_arn,
    "*",
    each.value.method == "ANY" ? "*" : each.value.method,
    replace(trimprefix(each.value.path, "/"), "/\\{[^}]+\\}/", "*"),
  ])
}

# Herald's cloud wiring is derived from functions.yaml, the single description of functions, triggers,
# queues and schedules that local mode also reads. Every per-function, per-route, per-queue and
# per-schedule resource iterates over one of the locals below, so a function, route, queue or schedule
# added to functions.yaml is deployed without touching the Terraform (TerraformWiringTest checks it).

locals {
  wiring = yamldecode(file("${path.module}/../functions.yaml"))

  # The optional parts of Herald (a function's feature in functions.yaml) => whether this deployment has them. A
  # part left out has no function, role, log group or route at all.
  features = {
    console = var.console_enabled
  }

  # The functions this deployment runs: all of functions.yaml but those of optional parts left out. A feature
  # missing above is an error here (no such key), so a new optional part is decided on, not deployed by accident.
  functions = {
    for name, fn in local.wiring.functions : name => fn
    if try(fn.feature, null) == null ? true : local.features[fn.feature]
  }
  queues    = try(local.wiring.queues, {})
  schedules = try(local.wiring.schedules, {})

  # One artifact for every function; each picks its handler with QUARKUS_LAMBDA_HANDLER.
  function_zip = coalesce(var.function_zip, "${path.module}/../target/function.zip")

  # java21: the JVM build on Lambda's managed Java runtime, started from a SnapStart snapshot of a published
  # version; provided.al2023: the native bootstrap.
  jvm = var.lambda_runtime == "java21"

  # Every trigger invokes a function through this alias: the version SnapStart snapshotted with java21, the latest
  # code with the native runtime.
  alias = "live"

  # Functions behind API Gateway; each gets one Lambda integration that all its routes share.
  http_functions = { for name, fn in local.functions : name => fn if length(try(fn.http, [])) > 0 }

  # "METHOD /path" (API Gateway's route key) => the route and the function serving it. A route key declared
  # twice is an error here (duplicate key), as it is for API Gateway.
  http_routes = merge([
    for name, fn in local.functions : {
      for route in try(fn.http, []) : "${route.method} ${route.path}" => {
        function = name
        method   = route.method
        path     = route.path
        auth     = try(route.auth, "")
        access   = try(route.access, "read")
      }
    }
  ]...)

  # Queue name => the function its messages trigger. A queue with two consumers is an error here
  # (duplicate key), as it is for local mode.
  queue_consumers = {
    for name, fn in local.functions : fn.queue => name if try(fn.queue, null) != null
  }

  # SQS names: FIFO queues (and their dead-letter queues, which must be FIFO too) need the .fifo suffix.
  queue_names = {
    for name, queue in local.queues : name => {
      queue = "${var.queue_name_prefix}${name}${try(queue.fifo, false) ? ".fifo" : ""}"
      dlq   = "${var.queue_name_prefix}${name}-dlq${try(queue.fifo, false) ? ".fifo" : ""}"
    }
  }

  # Schedule name => the function that names it as its trigger.
  schedule_targets = {
    for name, fn in local.functions : fn.schedule => name if try(fn.schedule, null) != null
  }

  # Function => the schedule that triggers it, for how often Lambda retries the ticks it is handed.
  scheduled_functions = {
    for name, fn in local.functions : name => local.schedules[fn.schedule] if try(fn.schedule, null) != null
  }

  # Functions that post to the queue that triggers them (retries, delivery-status checks): Lambda's recursive loop
  # detection would stop such a chain after about 16 rounds, however deliberate.
  self_waking_functions = {
    for name, fn in local.functions : name => fn
    if try(fn.queue, null) != null && contains(try(fn.sends_to, []), try(fn.queue, ""))
  }

  # Secret environment variable (as listed under a function's secrets) => its SecureString parameter; an empty name
  # means the secret is not used (the optional previous write-back secret outside a rotation).
  secret_parameters = {
    HERALD_XCONNECTOR_SECRET         = var.xconnector_secret_parameter
    HERALD_OPENTEXT_CLIENT_SECRET    = var.opentext_client_secret_parameter
    HERALD_OPENTEXT_WEBHOOK_SECRET   = var.opentext_webhook_secret_parameter
    HERALD_ACTION_TOKEN_KEY          = var.action_token_key_parameter
    HERALD_WRITEBACK_SECRET          = var.writeback_secret_parameter
    HERALD_WRITEBACK_PREVIOUS_SECRET = var.writeback_previous_secret_parameter
    HERALD_TASK_ID_SECRET            = var.task_id_secret_parameter
    HERALD_CONSOLE_SESSION_SECRET    = var.console_session_secret_parameter
  }

  # HERALD_OPERATOR_KEYS under a function's secrets stands for the SHA-256 of every operator's API key, one
  # parameter per operator (<operator_key_parameter_prefix><name>), and their access, which is no secret.
  operator_keys         = "HERALD_OPERATOR_KEYS"
  operator_key_hashes   = { for name, access in var.console_operators : "${local.operator_keys}_${upper(name)}_SHA256" => "${var.operator_key_parameter_prefix}${name}" }
  operator_key_accesses = { for name, access in var.console_operators : "${local.operator_keys}_${upper(name)}_ACCESS" => access }

  # Function => (secret environment variable => parameter name), for the secrets it lists that have a parameter.
  # A function is told only the parameter's name (<secret>_SSM_PARAMETER) and reads the value itself at start-up.
  function_secrets = {
    for name, fn in local.functions : name => merge(
      {
        for secret in try(fn.secrets, []) : secret => local.secret_parameters[secret]
        if secret != local.operator_keys && lookup(local.secret_parameters, secret, "") != ""
      },
      contains(try(fn.secrets, []), local.operator_keys) ? local.operator_key_hashes : {},
    )
  }

  # The environment every function shares; the handler and the function's own secrets are added per function.
  environment = {
    HERALD_STORE_KIND             = "dynamodb"
    HERALD_DYNAMODB_TABLE_PREFIX  = var.table_prefix
    HERALD_QUEUE_KIND             = "sqs"
    HERALD_QUEUE_SQS_NAME_PREFIX  = var.queue_name_prefix
    HERALD_JSON_LOGS              = "true"
    HERALD_OPENTEXT_AUTH_URL      = var.opentext_auth_url
    HERALD_OPENTEXT_MESSAGING_URL = var.opentext_messaging_url
    HERALD_OPENTEXT_GATEWAY_URL   = var.opentext_gateway_url
    HERALD_OPENTEXT_TENANT_ID     = var.opentext_tenant_id
    HERALD_OPENTEXT_CLIENT_ID     = var.opentext_client_id
    HERALD_OPENTEXT_APP_NAME      = var.opentext_app_name
    HERALD_OPENTEXT_AUTH          = var.opentext_auth
    # Empty means "no billing code": Quarkus treats an empty value as unset.
    HERALD_OPENTEXT_BILLING_CODE = var.opentext_billing_code
    # Action links in messages point at the callback routes of this API.
    HERALD_CALLBACK_BASE_URL = aws_apigatewayv2_api.http.api_endpoint
    HERALD_WRITEBACK_URL     = var.xconnector_writeback_url
    # EventBridge Scheduler invokes the scheduled functions (schedules.tf); no function runs them itself.
    HERALD_SCHEDULES_LOCAL = "false"
    # Functions start often and side by side here; rather than each cold start rescanning the store for stuck work,
    # sla-sweep re-drives what waited too long.
    HERALD_RECOVERY_ON_START = "false"
    # Events arrive through the Lambda Runtime API and each handler takes them directly: no HTTP listener is opened.
    QUARKUS_HTTP_HOST_ENABLED = "false"
    # Set for native executables on Lambda, as Quarkus' generated native SAM template does.
    DISABLE_SIGNAL_HANDLERS = "true"
  }
}

# ---- Where and what ----------------------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region to deploy Herald to, e.g. eu-central-1."
  type        = string
}

variable "aws_account_id" {
  description = "ID of the AWS account to deploy Herald to (12 digits). The ARNs of the roles' policies are built from it, so terraform plan asks AWS for nothing it already knows."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id is the 12-digit ID of an AWS account."
  }
}

variable "function_zip" {
  description = "Path of the function.zip every function runs: the native bootstrap for provided.al2023, the JVM build for java21. Default: target/function.zip of this project, as ./mvnw package (-Dnative) leaves it."
  type        = string
  default     = null
}

variable "lambda_runtime" {
  description = "How the functions run: provided.al2023 (the default), the native bootstrap of ./mvnw package -Dnative; or java21, the JVM build of ./mvnw package on Lambda's managed Java runtime with SnapStart."
  type        = string
  default     = "provided.al2023"

  validation {
    condition     = contains(["provided.al2023", "java21"], var.lambda_runtime)
    error_message = "lambda_runtime must be provided.al2023 or java21."
  }
}

variable "architecture" {
  description = "Instruction set of the native bootstrap in function.zip: arm64 (Graviton, the default) or x86_64. It must match the machine or builder image that compiled it."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

# ---- Names -------------------------------------------------------------------------------------------------

variable "name_prefix" {
  description = "Prefix of the names of the Lambda functions, their log groups and roles, the HTTP API, schedules and alarms."
  type        = string
  default     = "herald-"
}

variable "table_prefix" {
  description = "Prefix of the DynamoDB table names (<prefix>events, <prefix>notifications, <prefix>audit, <prefix>tasks, <prefix>task-assignees, <prefix>token-uses, <prefix>write-backs, <prefix>groups); given to the functions as HERALD_DYNAMODB_TABLE_PREFIX."
  type        = string
  default     = "herald-"
}

variable "queue_name_prefix" {
  description = "Prefix of the SQS queue names (<prefix><queue>, dead-letter queue <prefix><queue>-dlq); given to the functions as HERALD_QUEUE_SQS_NAME_PREFIX."
  type        = string
  default     = "herald-"
}

# ---- OpenText Notifications --------------------------------------------------------------------------------

variable "opentext_auth_url" {
  description = "Base URL of OpenText's token endpoint (HERALD_OPENTEXT_AUTH_URL); tokens come from <url>/tenants/<tenant id>/oauth2/token."
  type        = string
}

variable "opentext_messaging_url" {
  description = "Base URL of the OpenText Notifications messaging API (HERALD_OPENTEXT_MESSAGING_URL); requests go to <url>/mra/v1/..."
  type        = string
}

variable "opentext_gateway_url" {
  description = "Base URL of the AppWorks Gateway that takes in-app pushes (HERALD_OPENTEXT_GATEWAY_URL)."
  type        = string
}

variable "opentext_tenant_id" {
  description = "OpenText tenant id (HERALD_OPENTEXT_TENANT_ID)."
  type        = string
}

variable "opentext_client_id" {
  description = "OpenText client id Herald signs in with (HERALD_OPENTEXT_CLIENT_ID); its secret is the SSM parameter opentext_client_secret_parameter."
  type        = string
}

variable "opentext_app_name" {
  description = "AppWorks application that in-app pushes are addressed to (HERALD_OPENTEXT_APP_NAME)."
  type        = string
  default     = "herald"
}

variable "opentext_billing_code" {
  description = "Billing code sent with every e-mail (HERALD_OPENTEXT_BILLING_CODE); empty for none."
  type        = string
  default     = ""
}

variable "opentext_auth" {
  description = "How Herald authenticates to OpenText (HERALD_OPENTEXT_AUTH): oauth2 (client-credentials token as Bearer) or basic (client id and secret on every call)."
  type        = string
  default     = "oauth2"

  validation {
    condition     = contains(["oauth2", "basic"], var.opentext_auth)
    error_message = "opentext_auth must be oauth2 or basic."
  }
}

# ---- Secrets (SSM Parameter Store SecureString names) --------------------------------------------------------

variable "xconnector_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding xConnector's HMAC signing secret (HERALD_XCONNECTOR_SECRET, for the functions that list it under secrets in functions.yaml)."
  type        = string
  default     = "/herald/xconnector-secret"
}

variable "opentext_client_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the OpenText client secret (HERALD_OPENTEXT_CLIENT_SECRET, for the functions that list it under secrets in functions.yaml)."
  type        = string
  default     = "/herald/opentext-client-secret"
}

variable "opentext_webhook_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the secret OpenText Notifications signs its delivery-status pushes with (HERALD_OPENTEXT_WEBHOOK_SECRET)."
  type        = string
  default     = "/herald/opentext-webhook-secret"
}

variable "task_id_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the key task ids are derived with, 32 characters or more (HERALD_TASK_ID_SECRET); changing it changes the ids of tasks raised from then on."
  type        = string
  default     = "/herald/task-id-secret"
}

variable "console_session_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the key console sessions are signed with, 32 characters or more (HERALD_CONSOLE_SESSION_SECRET); changing it ends every session."
  type        = string
  default     = "/herald/console-session-secret"
}

variable "action_token_key_parameter" {
  description = "Name of the SSM SecureString parameter holding the key action links are signed with, 32 characters or more (HERALD_ACTION_TOKEN_KEY)."
  type        = string
  default     = "/herald/action-token-key"
}

variable "writeback_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the secret write-backs to xConnector are signed with (HERALD_WRITEBACK_SECRET); give xConnector the same value."
  type        = string
  default     = "/herald/writeback-secret"
}

variable "writeback_previous_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the write-back secret being replaced (HERALD_WRITEBACK_PREVIOUS_SECRET), during a rotation only: while set, write-backs carry a signature with each secret. Empty (the default) outside a rotation."
  type        = string
  default     = ""
}

variable "secrets_kms_key_arn" {
  description = "ARN of the customer managed KMS key the SecureString parameters are encrypted with; the functions may decrypt with it through SSM only. Empty (the default) for the AWS managed key aws/ssm, which needs no permission of its own."
  type        = string
  default     = ""
}

# ---- The operator console (optional) ----------------------------------------------------------------------

variable "console_enabled" {
  description = "Whether to deploy the operator console: the function console and its /console routes, which API Gateway lets through unsigned (browsers cannot sign for IAM) and the function opens only to the console_operators, by their API key or the session they signed in for. false (the default): no console function and no /console route."
  type        = bool
  default     = false
}

variable "console_operators" {
  description = "Who may use the console: operator name (lower-case letters and digits) => access, read or operate (operate may also replay dead items). The SHA-256 of each operator's API key (bin/operator-key NAME prints it) is the SSM parameter <operator_key_parameter_prefix><name>; the console function reads these and may read nothing else of the prefix. Needed when console_enabled is true."
  type        = map(string)
  default     = {}

  validation {
    condition = length([
      for name, access in var.console_operators : name
      if name == "" || replace(name, "/[^a-z0-9]/", "") != name || !contains(["read", "operate"], access)
    ]) == 0
    error_message = "console_operators: names are lower-case letters and digits, and each access is read or operate."
  }
}

variable "operator_key_parameter_prefix" {
  description = "Prefix of the names of the SSM parameters holding the SHA-256 of each console operator's API key (HERALD_OPERATOR_KEYS_<NAME>_SHA256): <prefix><name>, e.g. /herald/operator-keys/alice."
  type        = string
  default     = "/herald/operator-keys/"
}

# ---- Operations --------------------------------------------------------------------------------------------

variable "alarm_topic_arn" {
  description = "ARN of the SNS topic that the dead-letter queue and function error alarms notify, when they fire and when they clear."
  type        = string
}

variable "table_deletion_protection" {
  description = "Whether the DynamoDB tables refuse to be deleted (by terraform destroy, a replacement or a console click). They are the only record of what was sent to whom: switch it off, and apply, only to tear a deployment down on purpose."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "How many days the functions' CloudWatch logs and the API's access log are kept."
  type        = number
  default     = 30
}

variable "xconnector_writeback_url" {
  description = "xConnector's endpoint for write-backs (HERALD_WRITEBACK_URL): decisions and escalation states are posted there, signed, one call per write-back (docs/xconnector-writeback.openapi.yaml)."
  type        = string
}

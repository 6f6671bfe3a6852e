# The ARNs the roles' policies name, built from the names the resources are given (the same expressions as in
# their files) rather than read from the resources once they exist: so every policy is known when planning, and
# terraform plan shows each role's permissions in full, to be reviewed before anything is applied.

locals {
  arn_prefix = "arn:${data.aws_partition.current.partition}"
  # region:account, the middle of every regional ARN of this deployment
  region_account = "${var.aws_region}:${var.aws_account_id}"

  function_arns = {
    for name, fn in local.functions : name => "${local.arn_prefix}:lambda:${local.region_account}:function:${var.name_prefix}${name}"
  }
  # What the triggers invoke: the function's alias (lambda.tf).
  alias_arns = { for name, arn in local.function_arns : name => "${arn}:${local.alias}" }
  log_group_arns = {
    for name, fn in local.functions : name => "${local.arn_prefix}:logs:${local.region_account}:log-group:/aws/lambda/${var.name_prefix}${name}"
  }
  queue_arns = {
    for name, names in local.queue_names : name => "${local.arn_prefix}:sqs:${local.region_account}:${names.queue}"
  }
  # The table names functions.yaml uses under "tables" => the table (dynamodb.tf names each <table_prefix><name>).
  table_arns = {
    for table in ["events", "notifications", "audit", "tasks", "task-assignees", "token-uses", "write-backs", "groups"] :
    table => "${local.arn_prefix}:dynamodb:${local.region_account}:table/${var.table_prefix}${table}"
  }
}

# Secrets live in SSM Parameter Store as SecureStrings. A function is handed only the names of the parameters of
# the secrets it lists under "secrets" in functions.yaml (HERALD_XCONNECTOR_SECRET_SSM_PARAMETER=/herald/...) and
# reads their values itself when it starts, in one GetParameters call (io.herald.config.ssm). So the values are in
# neither the Terraform state nor the functions' configuration, and terraform plan needs no access to them.
#
# Each function's role may read exactly its own parameters (iam.tf). A changed value reaches a function when Lambda
# starts a new execution environment for it, or restores one from a SnapStart snapshot (java21), which reads its
# parameters again; pointing a variable at another parameter updates the functions' configuration, so every
# function starts afresh with the new secret.

data "aws_partition" "current" {}

locals {
  # Secret environment variable => ARN of its parameter. A parameter's ARN has one slash between "parameter" and
  # the name, whether or not the name is a path starting with one.
  secret_parameter_arns = {
    for secret, parameter in merge(local.secret_parameters, local.operator_key_hashes) :
    secret => "arn:${data.aws_partition.current.partition}:ssm:${local.region_account}:parameter/${trimprefix(parameter, "/")}"
    if parameter != ""
  }
}

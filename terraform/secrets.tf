# Secrets live in SSM Parameter Store as SecureStrings and are put into the environment of the functions that
# list them under "secrets" in functions.yaml, at deploy time.
#
# Why at deploy time rather than by the function at start-up: Herald reads its secrets from configuration
# (HERALD_XCONNECTOR_SECRET, HERALD_OPENTEXT_CLIENT_SECRET) and the artifact has no SSM client. Handing a
# function only a parameter name would leave intake verifying signatures against its built-in local-mode
# secret. The price: the values are in the Terraform state (keep it in an encrypted, access-controlled
# backend) and in the functions' configuration, which Lambda encrypts at rest and shows to whoever may call
# lambda:GetFunctionConfiguration. After rotating a parameter, run terraform apply to hand out the new value.
# The functions' roles get no SSM access: they never call it.

data "aws_ssm_parameter" "secret" {
  for_each = local.used_secrets

  name            = local.secret_parameters[each.key]
  with_decryption = true
}

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.67 brought aws_lambda_function_recursion_config, the newest resource used here; 6.0 may break anything.
      version = ">= 5.67, < 6.0"
    }
  }
}

provider "aws" {
  region = var.aws_region
}

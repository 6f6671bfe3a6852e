# Herald's cloud wiring is derived from functions.yaml, the single description of functions, triggers,
# queues and schedules that local mode also reads.
terraform {
  required_version = ">= 1.5"
}

locals {
  wiring    = yamldecode(file("${path.module}/../functions.yaml"))
  functions = local.wiring.functions
  queues    = try(local.wiring.queues, {})
  schedules = try(local.wiring.schedules, {})

  http_routes = merge([
    for name, fn in local.functions : {
      for route in try(fn.http, []) : "${route.method} ${route.path}" => name
    }
  ]...)
}

output "functions" {
  description = "Function names and the handler each deployment selects (QUARKUS_LAMBDA_HANDLER)."
  value       = { for name, fn in local.functions : name => fn.handler }
}

output "http_routes" {
  description = "API Gateway route keys and the function behind each."
  value       = local.http_routes
}

output "queues" {
  description = "Queues and the function each one triggers."
  value       = { for name, fn in local.functions : fn.queue => name if try(fn.queue, null) != null }
}

# An EventBridge Scheduler schedule for each entry of functions.yaml's schedules, invoking the function that
# names it as its trigger (functions.<name>.schedule), e.g. sla-sweep every minute. A schedule added to
# functions.yaml needs no change here. The target sets no input: the function gets Scheduler's default
# notification, a Scheduled Event whose detail is the JSON text "{}".

resource "aws_scheduler_schedule" "schedule" {
  for_each = local.schedules

  name                = "${var.name_prefix}${each.key}"
  description         = "Herald: triggers function ${local.schedule_targets[each.key]}."
  schedule_expression = each.value.expression

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.function[local.schedule_targets[each.key]].arn
    role_arn = aws_iam_role.scheduler[each.key].arn
  }
}

# An EventBridge Scheduler schedule for each entry of functions.yaml's schedules, invoking the function that
# names it as its trigger (functions.<name>.schedule), e.g. sla-sweep every minute. A schedule added to
# functions.yaml needs no change here. The target sets no input: the function gets Scheduler's default
# notification, a Scheduled Event whose detail is the JSON text "{}".

# Herald's schedules in a group of their own, whose metrics (failed and dropped invocations) are Herald's alone.
resource "aws_scheduler_schedule_group" "herald" {
  name = "${var.name_prefix}schedules"
}

resource "aws_scheduler_schedule" "schedule" {
  for_each = local.schedules

  name                = "${var.name_prefix}${each.key}"
  group_name          = aws_scheduler_schedule_group.herald.name
  description         = "Herald: triggers function ${local.schedule_targets[each.key]}."
  schedule_expression = each.value.expression

  flexible_time_window {
    mode = "OFF"
  }

  target {
    # The function's alias as arns.tf builds its ARN, so that the plan shows which function each schedule invokes.
    arn      = local.alias_arns[local.schedule_targets[each.key]]
    role_arn = aws_iam_role.scheduler[each.key].arn

    # Without a policy EventBridge Scheduler tries a failed tick up to 185 times over 24 hours. How often it is
    # worth trying is the schedule's to say (functions.yaml); a tick dropped for good is counted and alarmed on.
    retry_policy {
      maximum_retry_attempts       = try(each.value.max_retry_attempts, 185)
      maximum_event_age_in_seconds = try(each.value.max_event_age_seconds, 86400)
    }
  }

  depends_on = [aws_lambda_alias.live]
}

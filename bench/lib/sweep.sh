# The sweep phase of bench/run (sourced by it): how long one sla-sweep takes to fire BENCH_SWEEP_DUE (1,000) due
# SLA checkpoints among BENCH_SWEEP_TASKS ("10000 100000 1000000") open tasks, BENCH_SWEEP_ROUNDS (3) sweeps per
# size, on PostgreSQL. The tasks are copies, made in SQL, of two tasks Herald raised itself from signed events of
# the sample rule case-callback-promise: one whose checkpoints are all past (the due ones) and one whose first
# checkpoint is 45 days away (the rest). The sweep's own log line gives each sweep's duration.

# post_signed_event BODY: posts a structured CloudEvent signed as xConnector signs; fails unless answered 202.
post_signed_event() {
    local body=$1 ts signature
    ts=$(date +%s)
    signature=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$HERALD_PORT/events" \
        -H 'Content-Type: application/cloudevents+json' -H 'X-Herald-Sender: xconnector' \
        -H "X-Herald-Timestamp: $ts" -H "X-Herald-Signature: sha256=$signature" --data-binary "$body") == 202 ]]
}

# callback_promise ID ENTITY RESPOND_BY: an event the sample rule case-callback-promise raises a task for, with an
# SLA clock due at RESPOND_BY (policy callback-promise: a warning at half the time, the deadline, two tiers after).
callback_promise() {
    printf '{"specversion":"1.0","id":"%s","source":"/xconnector/crm/service-cloud","type":"crm.case.callback.requested",' "$1"
    printf '"datacontenttype":"application/json","data":{"system":"crm-service","entityType":"case","entityId":"%s",' "$2"
    printf '"title":"Call back promised","assignee":"dave","team":"service","respondBy":"%s"}}' "$3"
}

# copy_tasks TEMPLATE PREFIX COUNT: COUNT copies of the template table's task (and its assignees) in one
# transaction, ids PREFIX-1 to PREFIX-COUNT, each for an entity of its own.
copy_tasks() {
    local template=$1 prefix=$2 count=$3
    bench_psql -c "BEGIN" \
        -c "CREATE TEMP TABLE copied ON COMMIT DROP AS SELECT t.*, g AS bench_n FROM ${template}_task t,
                generate_series(1, $count) g" \
        -c "UPDATE copied SET id = '$prefix-' || bench_n, entity_id = entity_id || '-$prefix-' || bench_n,
                entity_key = entity_key || '-$prefix-' || bench_n" \
        -c "CREATE TEMP TABLE copied_assignees ON COMMIT DROP AS SELECT a.*, g AS bench_n
                FROM ${template}_assignees a, generate_series(1, $count) g" \
        -c "UPDATE copied_assignees SET task_id = '$prefix-' || bench_n" \
        -c "ALTER TABLE copied DROP COLUMN bench_n" -c "ALTER TABLE copied_assignees DROP COLUMN bench_n" \
        -c "INSERT INTO tasks SELECT * FROM copied" -c "INSERT INTO task_assignees SELECT * FROM copied_assignees" \
        -c "COMMIT" >&2
}

# keep_template NAME EVENT_ID: copies the task raised for the event, with its assignees, into NAME_task and
# NAME_assignees, and takes it out of the store (the due one must not be fired before it is copied).
keep_template() {
    local name=$1 event=$2
    bench_psql -c "CREATE TABLE ${name}_task AS SELECT * FROM tasks WHERE event_id = '$event'" \
        -c "CREATE TABLE ${name}_assignees AS SELECT * FROM task_assignees
                WHERE task_id IN (SELECT id FROM ${name}_task)" \
        -c "DELETE FROM task_assignees WHERE task_id IN (SELECT id FROM ${name}_task)" \
        -c "DELETE FROM tasks WHERE id IN (SELECT id FROM ${name}_task)" >&2
    [[ $(bench_psql -t -A -c "SELECT count(*) FROM ${name}_task WHERE sla_check_at IS NOT NULL") == 1 ]] \
        || die "sweep: no task with an SLA clock was raised for event $event"
}

# The durations of the sweeps that fired checkpoints, from Herald's log ("... fired, ..., in 123 ms"), one a line.
sweep_lines() {
    sed -n 's/.*SLA sweep: \([0-9]*\) checkpoint(s) fired.* in \([0-9]*\) ms$/\1 \2/p' "$WORK/sweep.log"
}

phase_sweep() {
    local sizes=${BENCH_SWEEP_TASKS:-10000 100000 1000000} due=${BENCH_SWEEP_DUE:-1000} rounds=${BENCH_SWEEP_ROUNDS:-3}
    reset_postgres
    # no sweep while the two template tasks are raised: the due one must be copied before anything fires it
    start_herald sweep-seed "$HERALD_PORT" postgresql -Dherald.schedules.local=false
    post_signed_event "$(callback_promise "sweep-due-$RUN_ID" CASE-DUE "$(date -u -d '-1 hour' +%FT%TZ)")" \
        || die "sweep: the due template event was not accepted"
    post_signed_event "$(callback_promise "sweep-open-$RUN_ID" CASE-OPEN "$(date -u -d '+90 days' +%FT%TZ)")" \
        || die "sweep: the open template event was not accepted"
    local deadline=$((SECONDS + 60))
    until [[ $(bench_psql -t -A -c "SELECT count(*) FROM tasks WHERE sla_check_at IS NOT NULL") == 2 ]]; do
        ((SECONDS < deadline)) || die "sweep: the two template tasks were not raised"
        sleep 0.2
    done
    keep_template due "sweep-due-$RUN_ID"
    keep_template open "sweep-open-$RUN_ID"
    stop_pid "$HERALD_PID"
    start_herald sweep "$HERALD_PORT" postgresql -Dherald.schedules.every.sla-sweep=2s
    log "sweep: $due due checkpoints among ${sizes// /, } open tasks, $rounds sweeps each, PostgreSQL store"
    local rows=() medians=() open=0 round=0
    for size in $sizes; do
        local wanted=$((size - due - round * due)) took=()
        if ((wanted > open)); then
            log "sweep: adding $((wanted - open)) open tasks"
            copy_tasks open "bench-open-$size" $((wanted - open))
            open=$wanted
            bench_psql -c "ANALYZE tasks" -c "ANALYZE task_assignees" >&2
        fi
        for _ in $(seq 1 "$rounds"); do
            round=$((round + 1))
            drain_dispatch "$HERALD_PORT"
            local seen tasks
            seen=$(sweep_lines | wc -l)
            tasks=$(bench_psql -t -A -c "SELECT count(*) FROM tasks WHERE status = 'OPEN'")
            copy_tasks due "bench-due-$round" "$due"
            deadline=$((SECONDS + 300))
            until (($(sweep_lines | wc -l) > seen)); do
                ((SECONDS < deadline)) || die "sweep: no sweep fired the due checkpoints of round $round"
                sleep 0.2
            done
            local fired ms
            read -r fired ms < <(sweep_lines | sed -n "$((seen + 1))p")
            ((fired == due)) || log "sweep: round $round fired $fired of $due in its first sweep"
            took+=("$ms")
            rows+=("$(printf '| %9s | %5s | %9s | %5s | %8s |' "$size" "$round" "$((tasks + due))" "$fired" "$ms")")
            log "sweep: ${rows[-1]}"
        done
        medians+=("$size $(printf '%s\n' "${took[@]}" | median)")
    done
    stop_pid "$HERALD_PID"
    echo
    echo "## SLA sweep ($due due checkpoints among open tasks, PostgreSQL store, sweep every 2 s, $rounds sweeps per size)"
    echo
    echo '| size | round | open tasks then | fired | sweep ms |'
    echo '|---|---|---|---|---|'
    printf '%s\n' "${rows[@]}"
    echo
    echo '| size | median sweep ms | ratio to the first size |'
    echo '|---|---|---|'
    local first=""
    for entry in "${medians[@]}"; do
        read -r size ms <<<"$entry"
        [[ -n $first ]] || first=$ms
        echo "| $size | $ms | $(ratio "$ms" "$first") |"
    done
    echo
}

#!/usr/bin/env bash
# The "documented pattern" of the seed documents, for the benchmark: per workspace
# `ravi identity create --name … --json`, then `ravi get email --json` and
# `ravi get phone --json`, one workspace after another (seeds 001 "Dynamic workspace
# provisioning" and 002 "Full bash harness", looped over the fleet).
#
# Usage: harness.sh MODE WORKSPACE...
#   as-written  exactly as documented (`--json`, set -euo pipefail)
#   no-json     `--json` removed, which is all the seeds would need to run on ravi v0.6
#   tolerant    `--json` removed and failures of the two `get` calls ignored, so every
#               workspace gets its three calls and the pattern's cost can be timed
set -euo pipefail
MODE="$1"
shift
JSON=(--json)
[ "$MODE" != as-written ] && JSON=()

for WORKSPACE in "$@"; do
  TASK_ID=$(basename "$WORKSPACE")
  IDENTITY=$(ravi identity create --name "task-${TASK_ID}" "${JSON[@]}")
  IDENTITY_UUID=$(echo "$IDENTITY" | jq -r '.uuid')
  mkdir -p "$WORKSPACE/.ravi"
  echo "{\"identity_uuid\": \"$IDENTITY_UUID\"}" > "$WORKSPACE/.ravi/config.json"
  export RAVI_CONFIG_DIR="$WORKSPACE/.ravi"
  if [ "$MODE" = tolerant ]; then
    RAVI_EMAIL=$(ravi get email | jq -r '.email' || true)
    RAVI_PHONE=$(ravi get phone | jq -r '.phone_number' || true)
  else
    RAVI_EMAIL=$(ravi get email "${JSON[@]}" | jq -r '.email')
    RAVI_PHONE=$(ravi get phone "${JSON[@]}" | jq -r '.phone_number')
  fi
  echo "$TASK_ID ${RAVI_EMAIL:-} ${RAVI_PHONE:-}"
done

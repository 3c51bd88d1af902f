#!/usr/bin/env bash
# The minimal correct bash + jq harness over the real-shaped CLI, one workspace per call
# (the fleet runs it under `xargs -P 8`): `ravi identity create`, then `ravi identity use`
# in a private dir holding a copy of the management key (never the global config), and the
# minted identity key copied into the workspace. What a careful user would write by hand.
#
# Usage: minimal.sh WORKSPACE
set -euo pipefail
ws="$1"
created=$(ravi identity create --name "task-$(basename "$ws")")
uuid=$(jq -r .uuid <<<"$created")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/.ravi"
jq '{management_key}' "$HOME/.ravi/config.json" >"$tmp/.ravi/config.json"
(cd "$tmp" && HOME="$tmp" ravi identity use "$uuid" >/dev/null)
mkdir -p -m 700 "$ws/.ravi"
jq '{identity_uuid, identity_name, identity_key}' "$tmp/.ravi/config.json" >"$ws/.ravi/config.json"
echo "$ws $uuid"

"""The seed documents' Python fleet pattern (seed 001, "Fleet initialization"), for the
benchmark: a ThreadPoolExecutor that per worktree runs `ravi identity create --name … --json`,
writes {"identity_uuid": …} to <worktree>/.ravi/config.json, then `ravi get email --json`.

Usage: fleet.py MODE MAX_WORKERS WORKTREE...
  as-written  exactly as documented (`--json`, check=True; the seed uses max_workers=min(n, 20))
  no-json     `--json` removed
  tolerant    `--json` removed and a failing `get email` ignored (check=False)
"""
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys

MODE = sys.argv[1]
JSON = ["--json"] if MODE == "as-written" else []


def create_agent_identity(name: str, config_dir: pathlib.Path) -> dict:
    """Create a Ravi identity scoped to an isolated config directory."""
    config_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["ravi", "identity", "create", "--name", name, *JSON],
        env={**os.environ, "RAVI_CONFIG_DIR": str(config_dir)},
        capture_output=True, text=True, check=True,
    )
    identity = json.loads(result.stdout)
    (config_dir / "config.json").write_text(json.dumps({"identity_uuid": identity["uuid"]}))
    email_out = subprocess.run(
        ["ravi", "get", "email", *JSON],
        env={**os.environ, "RAVI_CONFIG_DIR": str(config_dir)},
        capture_output=True, text=True, check=MODE != "tolerant",
    )
    email = json.loads(email_out.stdout)["email"] if email_out.returncode == 0 else None
    return {"name": name, "uuid": identity["uuid"], "email": email, "config_dir": str(config_dir)}


def initialize_fleet(worktrees: list[str], max_workers: int) -> list[dict]:
    tasks = [(f"agent-{i}", pathlib.Path(wt) / ".ravi") for i, wt in enumerate(worktrees)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = {pool.submit(create_agent_identity, name, config_dir): name for name, config_dir in tasks}
        fleet = []
        for future in concurrent.futures.as_completed(futures):
            fleet.append(future.result())
    return fleet


if __name__ == "__main__":
    worktrees = sys.argv[3:]
    workers = min(len(worktrees), int(sys.argv[2]))
    for agent in initialize_fleet(worktrees, workers):
        print(f"{agent['name']} -> {agent['email']} (config: {agent['config_dir']})")

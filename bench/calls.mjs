/**
 * Calls: `ravi` invocations per workspace, read from the emulator's argv log of the fleet
 * runs, and whether the workspace each pattern leaves behind is authenticated: `ravi get
 * email` run the way an agent would, from inside the workspace.
 */
import { runRavi } from '../packages/ravi-emulator/src/index.mjs';

/** @param {Awaited<ReturnType<import('./fleet.mjs').benchFleet>>} fleet */
export async function benchCalls(fleet) {
  const ours = fleet.rows[0];
  const seed = fleet.rows.find((r) => r.label.startsWith('seed bash harness, tolerant'));
  return {
    ours: { perWorkspace: ours.callsPerWorkspace, calls: ours.calls },
    seed: { perWorkspace: seed.callsPerWorkspace, calls: seed.calls },
    ourGetEmail: await getEmail(ours, {}),
    seedGetEmail: await getEmail(seed, {}),
    // what the seeds tell agents to do: point RAVI_CONFIG_DIR at the workspace's .ravi
    seedGetEmailConfigDir: await getEmail(seed, { cwdOutside: true }),
  };
}

async function getEmail(row, { cwdOutside = false }) {
  const workspace = row.dirs[0];
  const env = { ...row.world.env, RAVI_CONFIG_DIR: `${workspace}/.ravi` };
  const r = await runRavi(row.world.emu.ravi, ['get', 'email'], {
    cwd: cwdOutside ? row.world.emu.dir : workspace,
    env,
  });
  const text = (r.code === 0 ? r.stdout : r.stderr).replace(/\s+/g, ' ').trim();
  return { code: r.code, output: text.slice(0, 200) };
}

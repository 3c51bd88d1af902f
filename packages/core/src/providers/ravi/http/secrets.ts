/**
 * The identity's vault, with the workspace's own identity-scoped key. The value travels in
 * a request body only: never in a process argument, a file or a log.
 */
import type { Api } from './api';
import { parseBody, request } from './api';
import { secretListSchema } from './schemas';

export async function listSecrets(api: Api, key: string): Promise<Record<string, string>> {
  const r = await request(api, { method: 'GET', path: '/api/secrets/', key, keyKind: 'identity' });
  const entries = parseBody('GET /api/secrets/', r, secretListSchema);
  return Object.fromEntries(entries.map((e) => [e.key, e.value ?? '']));
}

/**
 * An upsert, like `ravi secrets set`: find the entry by key, PATCH it, else POST a new one.
 * A POST whose answer was lost may have created it; the retry finds it and PATCHes.
 */
export async function setSecret(api: Api, key: string, name: string, value: string): Promise<void> {
  for (let round = 0; ; round += 1) {
    const found = await request(api, {
      method: 'GET',
      path: `/api/secrets/?key=${encodeURIComponent(name)}`,
      key,
      keyKind: 'identity',
    });
    const existing = parseBody('GET /api/secrets/', found, secretListSchema).find((e) => e.key === name);
    if (existing) {
      const path = `/api/secrets/${encodeURIComponent(existing.uuid)}/`;
      await request(api, { method: 'PATCH', path, key, keyKind: 'identity', body: { value } });
      return;
    }
    const body = { key: name, value };
    // NOTE: a 400 on the second round means the first POST did land (the key now exists)
    const created = await request(
      api,
      { method: 'POST', path: '/api/secrets/', key, keyKind: 'identity', body },
      round === 0 ? [400] : [],
    );
    if (created.status < 300) return;
  }
}

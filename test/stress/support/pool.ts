/**
 * Runs async jobs with bounded parallelism, in order of submission. The stress suites
 * spawn hundreds of real processes; two cores can't start them all at once without
 * turning every timing into noise.
 */
export async function inPool<T, R>(items: T[], width: number, job: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await job(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

import { performance } from 'node:perf_hooks';

/** Median wall time of `run` over `rounds` rounds, after one warm-up round. */
export async function medianMs(rounds: number, run: () => unknown | Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function report(name: string, value: number, unit: string): void {
  console.log(`BENCH ${name} ${Number(value.toFixed(3))} ${unit}`);
}

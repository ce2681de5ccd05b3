// Preloaded (node -r) into the server by `BENCH_ABUSE_TRACE=1 npm run bench:abuse`: prints event-loop stalls over
// 40 ms and GC pauses over 15 ms (wall-clock ms mod 1e6, to line them up with the bench's own times). Plain
// JavaScript: the server under test runs compiled, as `npm start` runs it, with no TypeScript hook loaded.
const { PerformanceObserver } = require('node:perf_hooks');
const v8 = require('node:v8');

let last = performance.now();
setInterval(() => {
  const t = performance.now();
  if (t - last > 40) console.error(`stall ${(t - last).toFixed(0)} ms at ${Date.now() % 1e6}`);
  last = t;
}, 5).unref();
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.duration <= 15) continue;
    const spaces = v8.getHeapSpaceStatistics().map((x) => `${x.space_name.replace('_space', '')}=${(x.space_used_size / 1e6).toFixed(1)}`);
    console.error(`gc ${e.detail.kind} ${e.duration.toFixed(0)} ms at ${Date.now() % 1e6} ${spaces.join(' ')}`);
  }
}).observe({ entryTypes: ['gc'] });

/**
 * Preloaded into every CLI run the bench measures (`node --import ./peak-rss.mjs bin.js ...`): when the
 * process exits, writes its peak resident set size (`getrusage` maxrss, in KiB: what `/usr/bin/time -f %M`
 * prints) to the file named by BENCH_PEAK_RSS_FILE. The whole run counts: collection, rules, every report.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
// Not inherited by anything the CLI itself might start.
delete process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));

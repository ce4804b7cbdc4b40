/**
 * npm run understanding [-- --tuning [--misses]]: how well free text is understood, on the held-out part of the
 * labelled corpus (or the tuning part, with its misses), and on the lines of the writers kept apart.
 */
import { understandingReport } from './understanding-report.js';

console.log(understandingReport({ tuning: process.argv.includes('--tuning'), misses: process.argv.includes('--misses') }));

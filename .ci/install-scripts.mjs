// Lists the dependencies that run install scripts (from the committed lockfile) and fails on any not allowed.
// Install scripts run arbitrary code at `npm ci`; each one allowed here was looked at and is needed.
import { readFileSync } from 'node:fs';

const ALLOWED = {
  // Bundles the web chat's page script at start-up (and runs tsx): its postinstall checks the platform binary that
  // ships inside @esbuild/<platform>.
  esbuild: 'verifies its bundled platform binary',
  // Optional speed-up of msgpackr (used by bullmq): picks the prebuilt binary shipped in @msgpackr-extract/<platform>;
  // without it msgpackr runs in plain JavaScript.
  'msgpackr-extract': 'optional: selects its bundled platform binary',
};

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const withScripts = Object.entries(lock.packages)
  .filter(([, meta]) => meta.hasInstallScript)
  .map(([path, meta]) => ({ name: path.replace(/^.*node_modules\//, ''), dev: Boolean(meta.dev) }));

let refused = 0;
for (const { name, dev } of withScripts) {
  const ok = Object.hasOwn(ALLOWED, name);
  console.log(`${ok ? 'allowed' : 'REFUSED'}  ${name} (${dev ? 'dev' : 'production'})${ok ? ` — ${ALLOWED[name]}` : ''}`);
  if (!ok) refused += 1;
}
if (refused > 0) {
  console.error(`${refused} dependency(ies) with install scripts are not on the allow-list in .ci/install-scripts.mjs`);
  process.exit(1);
}
console.log(`install scripts: ${withScripts.length} found, all on the allow-list`);

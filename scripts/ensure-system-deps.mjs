// Runs before `npm test`: the end-to-end tests need Debian's Chromium. On a fresh Debian machine where
// we are root, install it; anywhere else, say exactly what is missing. The tests then fail, never skip.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log('Installing Debian chromium for the end-to-end tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (a) => spawnSync('apt-get', a, { stdio: 'inherit', env }).status;
    if (run(['update', '-qq']) !== 0 || run(['install', '-y', '-qq', 'chromium']) !== 0) {
      console.error('Could not install chromium with apt-get; the end-to-end tests will fail.');
    }
  } else {
    console.error(`Missing ${CHROMIUM}: install Debian's chromium package (apt-get install chromium); the end-to-end tests will fail without it.`);
  }
}

// Makes sure a Chromium is available for the component tests (`npm run test:components`).
// Installs Debian's package when we may (root with apt-get); otherwise explains what to do.
import { spawnSync } from 'node:child_process';
import { findChromiumPath } from './chromium-path.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

function canInstall() {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

let path = findChromiumPath();
// A wrong CHROME_PATH is a mistake to report, not a reason to install a browser.
if (!path && !process.env.CHROME_PATH && canInstall()) {
  console.log('Chromium not found; installing Debian\'s "chromium" package with apt-get…');
  if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) path = findChromiumPath();
}

if (!path) {
  console.error(
    [
      process.env.CHROME_PATH
        ? `CHROME_PATH is set to "${process.env.CHROME_PATH}", which is not an executable file.`
        : 'No Chromium or Chrome found (looked at /usr/bin/chromium and for chromium, chromium-browser, google-chrome on PATH).',
      'The component tests need one. Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y chromium',
      'or point CHROME_PATH at a Chrome/Chromium executable.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Chromium: ${path}`);

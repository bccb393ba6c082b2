// Stands in for the npm registry for our scope only: serves each packed tarball of PACK_DIR
// under its package name, so that a README's `yarn add <name>` in the fresh app resolves and
// records a version range exactly as it would once the packages are published.
// Usage: node registry.mjs PACK_DIR PORT   (listens on 127.0.0.1 only; stopped by the test)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [packDir, port] = process.argv.slice(2);

/** name → { manifest (the packed package.json), file, tarball bytes } */
function readPackages() {
  const packages = new Map();
  for (const file of readdirSync(packDir).filter(f => f.endsWith('.tgz'))) {
    const path = join(packDir, file);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xOzf', path, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    packages.set(manifest.name, { manifest, file, bytes: readFileSync(path) });
  }
  return packages;
}

function packument({ manifest, file, bytes }, origin) {
  const { version } = manifest;
  return {
    name: manifest.name,
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        ...manifest,
        dist: {
          tarball: `${origin}/-/${run}/${file}`,
          shasum: createHash('sha1').update(bytes).digest('hex'),
          integrity: `sha512-${createHash('sha512')
            .update(bytes)
            .digest('base64')}`,
        },
      },
    },
    time: { [version]: new Date().toISOString() },
  };
}

const packages = readPackages();
const origin = `http://127.0.0.1:${port}`;
// Yarn keeps a fetched package in its global cache under its locator, which holds the tarball's
// URL: a URL of this run's own makes the app fetch this run's tarballs, never an earlier run's
// of the same version.
const run = Date.now().toString(36);

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, origin).pathname);
  const tarball = path.match(/^\/-\/[^/]+\/(.+\.tgz)$/);
  const found = tarball
    ? [...packages.values()].find(p => p.file === tarball[1])
    : packages.get(path.slice(1));
  if (!found) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
    return;
  }
  if (tarball) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(found.bytes);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(packument(found, origin)));
}).listen(Number(port), '127.0.0.1', () => {
  console.log(
    `[registry] ${[...packages.keys()].join(', ')} on ${origin} (stand-in)`,
  );
});

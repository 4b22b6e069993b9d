import { createReadStream, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';

/*
 * A stand-in for an LMS around a SCORM package: a page at the server's root that gives its window
 * scorm-again's SCORM 1.2 run-time as `API`, records every call the package makes, and shows the
 * package's launch file in a frame, the way Moodle's player does. The package is served unzipped
 * from a deep, unusual address, like Moodle's pluginfile.php.
 */

/** Where the package is served, as an LMS might. */
export const PACKAGE_PATH = '/moodle/pluginfile.php/2718/mod_scorm/content/3/paketti (uusi)/';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.min.js"></script>
<script>
  const runtime = new Scorm12API({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
  if (window.storedCmi) runtime.loadFromJSON(window.storedCmi);
  window.scormCalls = [];
  let lastRefusal = '0';
  window.API = {};
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
    'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
    window.API[name] = (...args) => {
      // window.refusing: the LMS refuses whatever it is sent, as one whose login has expired does
      // (SCORM 1.2 error 101, general exception).
      const refused = window.refusing && (name === 'LMSSetValue' || name === 'LMSCommit');
      if (refused) lastRefusal = '101';
      else if (name !== 'LMSGetLastError' && name !== 'LMSGetErrorString') lastRefusal = '0';
      const result = refused ? 'false'
        : name === 'LMSGetLastError' && lastRefusal !== '0' ? lastRefusal
        : runtime[name](...args);
      window.scormCalls.push([name, ...args.map(String), String(result)]);
      return result;
    };
  }
  window.storedCmiNow = () => runtime.renderCMIToJSONObject();
</script></head>
<body><iframe id="sco" title="Course" style="width:100%;height:90vh" src="${encodeURI(PACKAGE_PATH)}scorm-launch.html"></iframe></body></html>`;

/** Unzips the package and serves it with the host page; `outside` collects requests for anything else. */
export async function serveLms(
  zipFile: string,
): Promise<{ origin: string; outside: string[]; server: Server; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hankintapolku-lms-'));
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zipFile)))) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(file, data);
  }
  const outside: string[] = [];
  const runtime = readFileSync('node_modules/scorm-again/dist/scorm12.min.js');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/') return void response.writeHead(200, { 'content-type': types['.html'] }).end(hostPage);
    if (path === '/scorm12.min.js') return void response.writeHead(200, { 'content-type': types['.js'] }).end(runtime);
    // The browser asks the top page's server for an icon; that is the LMS's, not the package's.
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = path.startsWith(PACKAGE_PATH) ? normalize(join(dir, path.slice(PACKAGE_PATH.length))) : undefined;
    if (!file?.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      outside.push(path);
      return void response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${String(port)}`, outside, server, dir };
}

// The predeploy hook of azd's `web` service (azure.yaml): writes what only a deployment knows into the built portal
// (artifacts/portal, made by build-portal.mjs) just before azd uploads it. It runs after provisioning, even on a first
// `azd up` (which packages before it provisions), so main.bicep's outputs are in the environment azd gives its hooks:
//   SERVICE_API_URI              the Functions app's own URL: the API the portal calls (no linked backend)
//   AZURE_STORAGE_BLOB_ENDPOINT  this deployment's Blob endpoint: where direct uploads go
// It writes
//   config.json                  { "apiBaseUrl": "<API origin>" }: how the portal learns where the API is
//   staticwebapp.config.json     its CSP's connect-src narrowed to 'self', the sign-in origin(s) the source lists,
//                                the API origin and the Blob endpoint: no wildcard (a *.blob.core.windows.net would
//                                let injected script post data to any storage account) and no http: (local only).
// Usage: node eng/write-portal-config.mjs [portal folder]   (default: artifacts/portal)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const portal = process.argv[2] ?? `${root}artifacts/portal`;

/** The https origin in environment variable `name`; stops the deployment with the reason when there is none. */
function httpsOrigin(name) {
  const value = process.env[name];
  let url;
  try {
    url = new URL(value ?? '');
  } catch {
    fail(`${name} is ${value ? `not a URL: ${value}` : 'not set'} (it is an output of infra/main.bicep: run azd provision)`);
  }
  if (url.protocol !== 'https:') {
    fail(`${name} must be an https URL, got ${value}`);
  }
  return url.origin;
}

function fail(message) {
  console.error(`write-portal-config: ${message}`);
  process.exit(1);
}

/** The policy with connect-src = 'self' + the fixed https origins it already names + `origins`. */
function narrowConnectSrc(policy, origins) {
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const index = directives.findIndex((d) => d.split(/\s+/)[0] === 'connect-src');
  const listed = index < 0 ? [] : directives[index].split(/\s+/).slice(1);
  const kept = listed.filter((source) => /^https:\/\/[^*\s]+$/.test(source));
  const sources = [...new Set(["'self'", ...kept, ...origins])];
  const connect = `connect-src ${sources.join(' ')}`;
  if (index < 0) {
    directives.push(connect);
  } else {
    directives[index] = connect;
  }
  return directives.join('; ');
}

const api = httpsOrigin('SERVICE_API_URI');
const blob = httpsOrigin('AZURE_STORAGE_BLOB_ENDPOINT');

writeFileSync(`${portal}/config.json`, `${JSON.stringify({ apiBaseUrl: api }, null, 2)}\n`);

const configPath = `${portal}/staticwebapp.config.json`;
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const policy = config.globalHeaders?.['Content-Security-Policy'];
if (!policy) {
  fail(`${configPath} has no globalHeaders Content-Security-Policy to narrow`);
}
config.globalHeaders['Content-Security-Policy'] = narrowConnectSrc(policy, [api, blob]);
writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);

console.log(`write-portal-config: API ${api}, uploads ${blob} → ${portal}/config.json and its CSP connect-src`);

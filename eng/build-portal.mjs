// Builds the portal: portal-static/ (the sources, plain ES modules) → artifacts/portal/ (what the local host serves
// and azd deploys to Static Web Apps). Each page's modules become one minified bundle, the stylesheet is minified,
// everything else (HTML, staticwebapp.config.json, the vendored sign-in library) is copied as is.
// Run by the local host's build (CaseFy.LocalHost.csproj) and by `npm run build:portal`.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}portal-static`;
const output = `${root}artifacts/portal`;

rmSync(output, { recursive: true, force: true });
// The modules and the stylesheet arrive as the bundles below; everything else is copied.
cpSync(source, output, {
  recursive: true,
  filter: (path) => path !== `${source}/app` && path !== `${source}/styles`,
});

await build({
  entryPoints: [`${source}/app/main.js`, `${source}/app/portal.js`, `${source}/app/intake.js`, `${source}/styles/app.css`],
  outdir: output,
  outbase: source,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  // The sign-in library is loaded on demand from its own file (only to sign in or out), not bundled.
  external: ['/vendor/*'],
  legalComments: 'none',
  logLevel: 'warning',
});

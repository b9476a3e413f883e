#!/usr/bin/env node
// Re-creates the official API definitions vendored in packages/testkit/definitions/ from their
// source, so the simulators stay held to what the networks publish.
//
// Usage:
//   node scripts/refresh-definitions.mjs <x | pinterest | meta | youtube> <source>
// where <source> is one of
//   - a git directory of the definition's repository (a bare mirror or a checkout's .git): read at HEAD, offline;
//   - a checkout of that repository (a folder holding specs/openapi.json);
//   - the openapi.json file itself;
//   - an http(s) URL of the document (e.g. https://raw.githubusercontent.com/xdevplatform/xdk/main/specs/openapi.json).
//
// It writes packages/testkit/definitions/x/openapi.json (the paths the X simulator serves, with
// every component they reference, unchanged otherwise) and packages/testkit/definitions/x/source.json
// (repository, path, commit, version, licence, date fetched). Review the diff, then run the X
// simulator's tests: a changed definition may refuse requests the adapters send.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The definitions this script knows, by network. */
const DEFINITIONS = {
  x: {
    repository: 'https://github.com/xdevplatform/xdk',
    path: 'specs/openapi.json',
    // The OpenAPI document itself names its terms; the repository holding it is MIT.
    repositoryLicence: 'MIT (xdevplatform/xdk LICENSE)',
    // The X API paths the X simulator serves; everything else in the document is left out.
    paths: [
      '/2/tweets',
      '/2/tweets/{id}',
      '/2/users/me',
      '/2/users/{id}',
      '/2/users/by/username/{username}',
      '/2/users/{id}/mentions',
      '/2/users/{id}/tweets',
      '/2/media/upload',
      '/2/media/upload/initialize',
      '/2/media/upload/{id}/append',
      '/2/media/upload/{id}/finalize',
      '/2/media/metadata',
      // Actions on mentions (issue 25): like/unlike, hide a reply, mute its author.
      '/2/users/{id}/likes',
      '/2/users/{id}/likes/{tweet_id}',
      '/2/tweets/{tweet_id}/hidden',
      '/2/users/{id}/muting',
    ],
  },
  // For the Pinterest adapter that follows (issue 23): pins, boards and sections, media upload and
  // status, account and pin analytics.
  pinterest: {
    repository: 'https://github.com/pinterest/api-description',
    path: 'v5/openapi.json',
    repositoryLicence: 'MIT (pinterest/api-description LICENSE; the document names MIT too)',
    paths: [
      '/pins',
      '/pins/{pin_id}',
      '/pins/{pin_id}/analytics',
      '/boards',
      '/boards/{board_id}/sections',
      '/media',
      '/media/{media_id}',
      '/user_account',
      '/user_account/analytics',
      // Token refresh (continuous refresh tokens) and the authorization-code exchange.
      '/oauth/token',
    ],
  },
  // For the Facebook Pages and Instagram adapters that follow (issue 22): Meta publishes no
  // OpenAPI; its SDK generator's node specs (one JSON file per Graph object: its edges, methods,
  // parameters and fields) are the machine-readable definition. Copied whole, one file per node.
  meta: {
    repository: 'https://github.com/facebook/facebook-business-sdk-codegen',
    // The nodes already vendored (definitions/meta/source.json), plus any named in
    // META_ADD_NODES=Node,Node (add the new name to META_NODES in src/meta-graph/meta-spec.ts too).
    files: [
      ...new Set([
        ...JSON.parse(readFileSync(new URL('../packages/testkit/definitions/meta/source.json', import.meta.url), 'utf8')).files.filter(
          (path) => !path.includes('enum_types'),
        ),
        ...(process.env.META_ADD_NODES ?? '')
          .split(',')
          .filter(Boolean)
          .map((node) => `api_specs/specs/${node.trim()}.json`),
      ]),
    ],
    // The enum types the copied nodes name (param and field types), cut from the generator's
    // enum_types.json (570 kB whole): the validator checks enum values against it.
    enums: 'api_specs/specs/enum_types.json',
    repositoryLicence: 'Meta Platforms platform licence (facebook-business-sdk-codegen LICENSE: use with Meta/Facebook platforms)',
  },
  // For the YouTube adapter (issue 24): Google's discovery document of the YouTube Data API v3
  // (a Google discovery format, not OpenAPI), cut to the methods the adapter calls and the schemas
  // they reference. Any copy of the document is accepted as a file or git directory: the Python
  // client's cached copy (default path), or a newer one from googleapis/google-api-nodejs-client
  // (`discovery/youtube-v3.json`) or google-api-go-client (`youtube/v3/youtube-api.json`) — pass
  // that file, or a git directory plus YOUTUBE_DISCOVERY_PATH=<path in the repository>.
  youtube: {
    repository: process.env.YOUTUBE_DISCOVERY_REPOSITORY ?? 'https://github.com/googleapis/google-api-python-client',
    path: process.env.YOUTUBE_DISCOVERY_PATH ?? 'googleapiclient/discovery_cache/documents/youtube.v3.json',
    repositoryLicence: 'Apache-2.0 (google-api-python-client LICENSE)',
    discovery: true,
    methods: [
      'videos.insert',
      'videos.list',
      'videos.update',
      'videos.delete',
      'thumbnails.set',
      'commentThreads.list',
      'commentThreads.insert',
      'comments.list',
      'comments.insert',
      'channels.list',
      // The channel's uploads playlist: the 1-unit way to find a video whose upload answer was lost.
      'playlistItems.list',
    ],
  },
};

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/refresh-definitions.mjs <x | pinterest | meta | youtube> <git-dir | checkout | file | https-url>`,
  );
  process.exit(2);
}

const git = (gitDir, ...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Reads the document and whatever is known of its commit. */
async function read(source, path) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) usage(`could not fetch ${source}: HTTP ${response.status}`);
    return { text: await response.text(), commit: null };
  }
  if (!existsSync(source)) usage(`no such file or folder: ${source}`);
  if (statSync(source).isFile()) return { text: readFileSync(source, 'utf8'), commit: null };
  const gitDir = existsSync(join(source, 'HEAD')) && existsSync(join(source, 'objects')) ? source : join(source, '.git');
  if (existsSync(join(source, path)) && !existsSync(gitDir)) return { text: readFileSync(join(source, path), 'utf8'), commit: null };
  if (!existsSync(gitDir)) usage(`${source} is neither a git directory nor a checkout holding ${path}`);
  return { text: git(gitDir, 'show', `HEAD:${path}`), commit: git(gitDir, 'rev-parse', 'HEAD').trim() };
}

/** The named paths and, transitively, every `#/components/...` they reference. */
function subset(document, paths) {
  const components = {};
  const pending = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) pending.push(value);
        else visit(value);
      }
    }
  };
  const out = { ...document, paths: {}, components: {} };
  for (const path of paths) {
    if (!document.paths[path]) usage(`the document has no path ${path}: update DEFINITIONS in this script`);
    out.paths[path] = document.paths[path];
    visit(document.paths[path]);
  }
  while (pending.length > 0) {
    const [, , kind, name] = pending.pop().split('/');
    if (components[kind]?.[name] !== undefined) continue;
    const value = document.components?.[kind]?.[name];
    if (value === undefined) usage(`dangling reference #/components/${kind}/${name}`);
    (components[kind] ??= {})[name] = value;
    visit(value);
  }
  for (const kind of Object.keys(components).sort()) {
    out.components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)));
  }
  if (document.components?.securitySchemes) out.components.securitySchemes = document.components.securitySchemes;
  return out;
}

/** A Google discovery document cut to the named `resource.method`s and, transitively, every schema they `$ref`. */
function subsetDiscovery(document, methods) {
  const schemas = {};
  const pending = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // In discovery documents `$ref` names a schema directly (`"$ref": "Video"`).
        if (key === '$ref' && typeof value === 'string') pending.push(value);
        else visit(value);
      }
    }
  };
  const resources = {};
  for (const name of methods) {
    const [resource, method] = name.split('.');
    const value = document.resources?.[resource]?.methods?.[method];
    if (!value) usage(`the document has no method ${name}: update DEFINITIONS.youtube.methods in this script`);
    (((resources[resource] ??= { methods: {} }).methods[method] = value), visit(value));
  }
  while (pending.length > 0) {
    const name = pending.pop();
    if (schemas[name] !== undefined) continue;
    if (document.schemas?.[name] === undefined) usage(`dangling reference ${name}`);
    schemas[name] = document.schemas[name];
    visit(schemas[name]);
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, resources, schemas: sorted };
}

const [network, source] = process.argv.slice(2);
const definition = DEFINITIONS[network];
if (!definition || !source) usage('name a network and a source');
if (definition.files) {
  // Node specs: each file copied as published, with where it came from.
  const out = join(root, 'packages', 'testkit', 'definitions', network);
  mkdirSync(out, { recursive: true });
  let commit = null;
  for (const path of definition.files) {
    // A URL names the repository's raw root (…/raw/<commit>); a git directory or checkout is read at HEAD.
    const read1 = await read(/^https?:\/\//.test(source) ? `${source.replace(/\/+$/, '')}/${path}` : source, path);
    commit = read1.commit;
    writeFileSync(join(out, path.split('/').pop()), `${JSON.stringify(JSON.parse(read1.text), null, 2)}\n`);
  }
  if (definition.enums) {
    const read1 = await read(/^https?:\/\//.test(source) ? `${source.replace(/\/+$/, '')}/${definition.enums}` : source, definition.enums);
    const used = new Set();
    for (const path of definition.files) {
      const node = JSON.parse(readFileSync(join(out, path.split('/').pop()), 'utf8'));
      const types = [
        ...(node.apis ?? []).flatMap((api) => (api.params ?? []).map((param) => param.type)),
        ...(node.fields ?? []).map((field) => field.type),
      ];
      for (const type of types) for (const word of String(type).match(/[A-Za-z0-9_]+/g) ?? []) used.add(word);
    }
    const cut = JSON.parse(read1.text).filter((entry) => used.has(entry.name));
    writeFileSync(join(out, definition.enums.split('/').pop()), `${JSON.stringify(cut, null, 2)}\n`);
  }
  const provenance = {
    repository: definition.repository,
    files: definition.enums ? [...definition.files, `${definition.enums} (cut to the enum types the files above name)`] : definition.files,
    commit,
    repositoryLicence: definition.repositoryLicence,
    fetched: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(join(out, 'source.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  console.log(`wrote packages/testkit/definitions/${network}/ (${definition.files.length} files${commit ? `, ${commit}` : ''})`);
  process.exit(0);
}
if (definition.discovery) {
  const { text, commit } = await read(source, definition.path);
  const document = JSON.parse(text);
  if (document.kind !== 'discovery#restDescription') usage(`${source} is not a Google discovery document`);
  const out = join(root, 'packages', 'testkit', 'definitions', network);
  mkdirSync(out, { recursive: true });
  const cut = subsetDiscovery(document, definition.methods);
  writeFileSync(join(out, 'discovery.json'), `${JSON.stringify(cut, null, 2)}\n`);
  const provenance = {
    repository: definition.repository,
    path: definition.path,
    commit,
    source,
    title: document.title,
    id: document.id,
    revision: document.revision,
    discoveryVersion: document.discoveryVersion,
    documentLicence: 'Apache-2.0 (Google API discovery documents, as distributed in the Google API client libraries)',
    repositoryLicence: definition.repositoryLicence,
    fetched: new Date().toISOString().slice(0, 10),
    methods: definition.methods,
    schemas: Object.keys(cut.schemas),
    cut: 'resources reduced to the listed methods; schemas reduced to those the methods reference, transitively; everything else (top-level parameters, auth scopes, rootUrl, servicePath) unchanged',
  };
  if (!/^https?:\/\//.test(source)) delete provenance.source;
  writeFileSync(join(out, 'source.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  console.log(
    `wrote packages/testkit/definitions/${network}/discovery.json (${document.id} revision ${document.revision}${commit ? `, ${commit}` : ''})`,
  );
  process.exit(0);
}
const { text, commit } = await read(source, definition.path);
const document = JSON.parse(text);
const out = join(root, 'packages', 'testkit', 'definitions', network);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'openapi.json'), `${JSON.stringify(subset(document, definition.paths), null, 2)}\n`);
const provenance = {
  repository: definition.repository,
  path: definition.path,
  commit,
  source,
  title: document.info?.title,
  version: document.info?.version,
  openapi: document.openapi,
  documentLicence: document.info?.license ?? null,
  repositoryLicence: definition.repositoryLicence,
  fetched: new Date().toISOString().slice(0, 10),
  paths: definition.paths,
};
// The local source path says nothing to another machine.
if (!/^https?:\/\//.test(source)) delete provenance.source;
writeFileSync(join(out, 'source.json'), `${JSON.stringify(provenance, null, 2)}\n`);
console.log(
  `wrote packages/testkit/definitions/${network}/openapi.json (${document.info?.title} ${document.info?.version}${commit ? `, ${commit}` : ''})`,
);

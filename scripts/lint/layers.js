import { dirname, relative, resolve, sep } from 'node:path';

/**
 * One ESLint rule for the layers (docs/architecture.md). Every import (static, re-export, dynamic)
 * is resolved against the importing file, so it holds however deep a file sits or however the path
 * is spelt — a name pattern cannot tell `../annotations/…` in features from core's `annotations/`.
 *
 * - src/core/schema: the leaf the app and the sync server share: itself, core/limits, its libraries;
 * - src/core: pure TypeScript: never features, app, shared UI, i18n or a React library;
 * - src/shared: pieces every feature may use: never a feature or the app;
 * - src/features/<name>: never another feature or the app (the app's screens compose them);
 * - server: itself, and of the app only the schema leaf and core/limits;
 * - packages/<name>: a package of its own (the tagger): never the app, the server or another package's files.
 */
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const UI_PACKAGES = ['react', 'react-dom', 'react-i18next', '@tanstack/react-query'];

const under = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const isLimits = (path) => path === 'src/core/limits' || path === 'src/core/limits.ts';
const featureOf = (path) => (under(path, 'src/features') ? path.split('/')[2] : undefined);
const isUiPackage = (spec) => UI_PACKAGES.some((name) => spec === name || spec.startsWith(`${name}/`));

/** Why `target` (repo-relative, or a package name) may not be imported from `file`, or null. */
export function layerViolation(file, target, isPackage) {
  if (under(file, 'src/core/schema')) {
    if (isPackage) return isUiPackage(target) ? 'The schema leaf never imports React or its libraries.' : null;
    return under(target, 'src/core/schema') || isLimits(target) ? null : 'The schema leaf imports only itself and core/limits: the sync server loads it.';
  }
  if (under(file, 'src/core')) {
    if (isPackage) return isUiPackage(target) ? 'core is pure TypeScript: it never imports React or its libraries.' : null;
    for (const layer of ['src/features', 'src/app', 'src/shared', 'src/i18n']) {
      if (under(target, layer)) return `core never imports ${layer.slice(4)}: it is pure TypeScript the UI builds on.`;
    }
    return null;
  }
  if (isPackage) return null;
  if (under(file, 'src/shared')) {
    return under(target, 'src/features') || under(target, 'src/app') ? 'shared pieces never import a feature or the app.' : null;
  }
  const feature = featureOf(file);
  if (feature) {
    const other = featureOf(target);
    if (other && other !== feature) return `Features never import each other (${feature} → ${other}): the screens in src/app compose them.`;
    return under(target, 'src/app') ? 'Features never import the app: the app imports them.' : null;
  }
  if (under(file, 'packages')) {
    const home = file.split('/').slice(0, 2).join('/');
    return under(target, home) ? null : `A package stands on its own: ${home} imports only its own files and its libraries.`;
  }
  if (under(file, 'server')) {
    return under(target, 'server') || under(target, 'src/core/schema') || isLimits(target) ? null : 'The sync server shares only the schema leaf (src/core/schema) and core/limits with the app.';
  }
  return null;
}

const toRepoPath = (absolute) => relative(ROOT, absolute).split(sep).join('/');

const rule = {
  meta: { type: 'problem', docs: { description: 'Keep the layers: core, schema leaf, shared, features, app, server, packages.' }, schema: [] },
  create(context) {
    const file = toRepoPath(context.filename);
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      const isPackage = !spec.startsWith('.') && !spec.startsWith('/');
      const target = isPackage ? spec : toRepoPath(resolve(dirname(context.filename), spec));
      const message = layerViolation(file, target, isPackage);
      if (message) context.report({ node: source, message: `${message} (${spec})` });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { meta: { name: 'hashiya-layers' }, rules: { layers: rule } };

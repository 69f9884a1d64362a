// The API's routes as the running Express app holds them: walked from the router stack, so a route
// added anywhere shows up here without anyone listing it (issue 12, the authorization matrix).
import type { Express } from 'express';

/** `METHOD /api/path/:param`, as registered. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

interface RouteLike {
  path: string | string[];
  methods: Record<string, boolean>;
}

interface LayerLike {
  route?: RouteLike;
  /** router 2: the path the layer was mounted at (`app.use('/api', …)`). */
  rawPath?: string | string[] | RegExp;
  handle?: { stack?: LayerLike[] };
}

function joinPath(prefix: string, path: string): string {
  if (path === '/' || path === '') return prefix || '/';
  return `${prefix}${path.startsWith('/') ? '' : '/'}${path}`;
}

function walk(stack: LayerLike[], prefix: string, out: Set<string>): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        for (const [method, isOn] of Object.entries(layer.route.methods)) {
          if (isOn && method !== '_all') out.add(`${method.toUpperCase()} ${joinPath(prefix, path)}`);
        }
      }
    } else if (layer.handle?.stack) {
      const mount = layer.rawPath;
      if (mount !== undefined && typeof mount !== 'string') {
        // A router mounted at a regular expression or several paths would hide its routes from this walk.
        throw new Error(`Cannot name the mount path of a nested router: ${String(mount)}`);
      }
      walk(layer.handle.stack, mount === undefined || mount === '/' ? prefix : joinPath(prefix, mount), out);
    }
  }
}

/** Every route of the app under /api (method + Express path), sorted. */
export function listApiRoutes(app: Express): RouteKey[] {
  const router = (app as unknown as { router?: { stack: LayerLike[] } }).router;
  if (!router) throw new Error('Express 5 app without app.router: the route walk needs updating');
  const out = new Set<string>();
  walk(router.stack, '', out);
  return [...out].filter((r) => r.split(' ')[1]!.startsWith('/api/')).sort() as RouteKey[];
}

/** `/api/staff-imports/template.:format` → `/api/staff-imports/template.{format}` (OpenAPI's form). */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** Every operation of the OpenAPI document, in RouteKey form with OpenAPI path templates. */
export function listOpenApiOperations(document: {
  paths: Record<string, Record<string, unknown>>;
}): string[] {
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => methods.has(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A tiny router over Node's own `http`: the dashboard has a handful of pages, so a framework
 * would add a dependency for nothing, and plain (req, res) handlers are what Bolt's HTTPReceiver
 * `customRoutes` take, so the same handler serves on Bolt's port and on its own server.
 */
export type Method = 'GET' | 'POST';
export type Params = Record<string, string>;
export type Handler = (req: IncomingMessage, res: ServerResponse, params: Params) => Promise<void>;

interface Route {
  method: Method;
  pattern: string;
  match: (path: string) => Params | undefined;
  handler: Handler;
}

/** "/dashboard/export/:file" matches one path segment per `:name`. */
function matcher(pattern: string): (path: string) => Params | undefined {
  const parts = pattern.split('/');
  return (path) => {
    const given = path.split('/');
    if (given.length !== parts.length) return undefined;
    const params: Params = {};
    for (const [i, part] of parts.entries()) {
      const value = given[i] ?? '';
      if (part.startsWith(':')) {
        if (!value) return undefined;
        try {
          params[part.slice(1)] = decodeURIComponent(value);
        } catch {
          return undefined;
        }
      } else if (part !== value) return undefined;
    }
    return params;
  };
}

export function createRouter() {
  const routes: Route[] = [];
  return {
    on(method: Method, pattern: string, handler: Handler) {
      routes.push({ method, pattern, match: matcher(pattern), handler });
    },
    /** The route for a request, or why none: no such path (404), or not with this method (405). */
    find(method: string, path: string): { handler: Handler; params: Params } | 404 | 405 {
      const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
      let pathKnown = false;
      for (const route of routes) {
        const params = route.match(trimmed);
        if (!params) continue;
        pathKnown = true;
        if (route.method === method) return { handler: route.handler, params };
      }
      return pathKnown ? 405 : 404;
    },
    /** The methods a path answers to (empty when it is no page). */
    allowed(path: string): Method[] {
      const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
      return [...new Set(routes.filter((r) => r.match(trimmed)).map((r) => r.method))];
    },
    get routes(): { path: string; method: Method }[] {
      return routes.map((r) => ({ path: r.pattern, method: r.method }));
    },
  };
}

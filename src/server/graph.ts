import type { FastifyInstance } from 'fastify';
import type { Instance } from '../instance.js';
import { requireToken } from './auth.js';
import { PosError } from '../errors.js';

interface GraphBody {
  query?: unknown;
  variables?: unknown;
}

/** POST /api/graph: GraphQL for pos-cli, the GUI and `posemu exec graphql`. Token required. */
export async function graphPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  app.post<{ Body: GraphBody }>('/api/graph', { preHandler: requireToken(instance.adminToken) }, async (req) => {
    const body = req.body ?? {};
    if (typeof body.query !== 'string' || !body.query.trim()) {
      throw new PosError('POS_ERR_MISSING_ARGUMENT', 'query (a GraphQL document) is required in the JSON body');
    }
    let variables = body.variables;
    if (typeof variables === 'string') variables = parseVariables(variables);
    return instance.graph.execute(body.query, (variables ?? {}) as Record<string, unknown>, instance.graphContext());
  });
}

/** pos-cli may send variables as a JSON string; bad JSON is the caller's error, not a 500. */
function parseVariables(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PosError('POS_ERR_INVALID_ARGUMENT', `variables is not valid JSON: ${(err as Error).message}`);
  }
}

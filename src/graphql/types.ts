import type { Store } from '../store/index.js';
import type { AppDefinition } from '../app/types.js';
import type { Notifier } from '../notifications/types.js';
import type { Services } from '../liquid/services.js';

/** What every resolver receives as GraphQL context. */
export interface GraphContext {
  store: Store;
  app: AppDefinition;
  notifier: Notifier;
  services: Services;
}

export type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphContext) => unknown;

/** One domain of the schema: SDL (with `extend type RootQuery/RootMutation`) and its resolvers. */
export interface GraphModule {
  sdl: string;
  resolvers: Record<string, Record<string, Resolver>>;
}

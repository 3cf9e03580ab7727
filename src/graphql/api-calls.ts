import type { GraphModule } from './types.js';

/** api_call_send (template and ad-hoc forms). */
export const apiCalls: GraphModule = { sdl: '', resolvers: {} };

import type { GraphModule } from './types.js';

/** records, record_create, record_update, record_delete, records_delete_all (platformOS names). */
export const records: GraphModule = { sdl: '', resolvers: {} };

import { PosError } from '../errors.js';
import type { GraphModule } from './types.js';
import { collection } from './collection.js';
import type { ConstantRow } from '../store/constants.js';

/** constant_set / constant_unset / constants, with the platformOS schema's names. */
export const constants: GraphModule = {
  sdl: /* GraphQL */ `
    type EncryptedConstant {
      created_at: JSONDate!
      deleted_at: JSONDate
      id: ID
      name: String!
      updated_at: JSONDate!
      value: String!
    }
    type EncryptedConstantCollection {
      current_page: Int!
      has_next_page: Boolean!
      has_previous_page: Boolean!
      per_page: Int!
      results: [EncryptedConstant!]
      total_entries: Int!
      total_pages: Int!
    }
    input EncryptedConstantsFilterInput { created_at: DateFilter, id: UniqIdFilter, name: StringFilter, updated_at: DateFilter }
    input EncryptedConstantsSortInput { created_at: StandardSort, id: StandardSort, name: StandardSort, updated_at: StandardSort }
    extend type RootQuery {
      constants(filter: EncryptedConstantsFilterInput, page: Int = 1, per_page: Int = 20, sort: [EncryptedConstantsSortInput!]): EncryptedConstantCollection!
    }
    extend type RootMutation {
      constant_set(name: String!, value: String!): EncryptedConstant!
      constant_unset(name: String!): EncryptedConstant
    }
  `,
  resolvers: {
    RootQuery: {
      constants(_p, args, { store }) {
        const filter = (args.filter ?? {}) as { name?: { value?: string; value_in?: string[]; contains?: string; starts_with?: string } };
        let rows = store.constants.list().filter((r) => matchesName(r, filter.name));
        const sort = (args.sort as Array<Record<string, { order?: string }>> | undefined)?.[0];
        if (sort) {
          const [field, { order }] = Object.entries(sort)[0] ?? ['name', {}];
          const key = field as keyof ConstantRow;
          rows = [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])) * (order === 'DESC' ? -1 : 1));
        }
        const page = Math.max(1, Math.floor(Number(args.page ?? 1)) || 1);
        const per = Math.max(1, Math.floor(Number(args.per_page ?? 20)) || 20);
        return collection(rows.slice((page - 1) * per, page * per).map(toGraph), rows.length, page, per);
      },
    },
    RootMutation: {
      constant_set(_p, args, { store }) {
        const name = String(args.name ?? '').trim();
        if (!name) throw new PosError('POS_ERR_MISSING_ARGUMENT', 'constant_set: name must not be empty');
        return toGraph(store.constants.set(name, String(args.value)));
      },
      constant_unset(_p, args, { store }) {
        const row = store.constants.unset(String(args.name));
        return row ? { ...toGraph(row), deleted_at: new Date().toISOString() } : null;
      },
    },
  },
};

function matchesName(row: ConstantRow, f?: { value?: string; value_in?: string[]; contains?: string; starts_with?: string }): boolean {
  if (!f) return true;
  if (f.value !== undefined && row.name !== f.value) return false;
  if (f.value_in && !f.value_in.includes(row.name)) return false;
  if (f.contains !== undefined && !row.name.includes(f.contains)) return false;
  if (f.starts_with !== undefined && !row.name.startsWith(f.starts_with)) return false;
  return true;
}

function toGraph(row: ConstantRow) {
  return { id: row.name, name: row.name, value: row.value, created_at: row.created_at, updated_at: row.updated_at, deleted_at: null };
}

import { parseArgs } from 'node:util';
import { graphql, resolveTarget } from './client.js';

/** posemu constants set|unset|list, as pos-cli (list hides values unless SAFE=1). */
export async function constants(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, value: { type: 'string' }, url: { type: 'string' }, data: { type: 'string' } },
  });
  const target = resolveTarget(values);
  switch (action) {
    case 'set': {
      if (!values.name) throw new Error('constants set: --name is required');
      if (values.value === undefined) throw new Error('constants set: --value is required');
      await graphql(target, 'mutation($name: String!, $value: String!) { constant_set(name: $name, value: $value) { name } }', { name: values.name, value: values.value });
      process.stdout.write(`Constant ${values.name} set\n`);
      return 0;
    }
    case 'unset': {
      if (!values.name) throw new Error('constants unset: --name is required');
      const data = await graphql(target, 'mutation($name: String!) { constant_unset(name: $name) { name } }', { name: values.name });
      if (!data.constant_unset) throw new Error(`constants unset: no constant named ${values.name}`);
      process.stdout.write(`Constant ${values.name} unset\n`);
      return 0;
    }
    case 'list': {
      const data = await graphql(target, '{ constants(per_page: 1000) { results { name value } } }');
      const rows = (data.constants as { results: Array<{ name: string; value: string }> }).results;
      for (const r of rows) process.stdout.write(`${r.name}: ${process.env.SAFE === '1' ? r.value : hide(r.value)}\n`);
      return 0;
    }
    default:
      throw new Error(`constants: expected set, unset or list, got ${action ? `"${action}"` : 'nothing'}`);
  }
}

/** pos-cli shows the first characters only: "ab...". */
function hide(value: string): string {
  return `${JSON.stringify(value.slice(0, 2)).slice(0, -1)}..."`;
}

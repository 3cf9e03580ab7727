import type { DocsExample } from './extract-examples.js';

/** What an example needs beyond its text, or why it is not compared as written. */
export type Override = Partial<Pick<DocsExample, 'vars' | 'files' | 'format' | 'mode' | 'expected' | 'template' | 'skip' | 'docsWrong'>>;

/** Text the test splits on (kept in step with MARK in extract-examples.ts). */
const MARK = '@@posemu-check@@';

const NOW = 'depends on the current time';
const RANDOM = 'random output';

/**
 * Inputs the docs leave implied (`{{ user | json }}` shows only the result) are given as
 * variables or app files, chosen to be what the documented output implies.
 */
const TRANSLATIONS = {
  'app/translations/en.yml': 'en:\n  beer: cerveza\n  drinks:\n    alcoholic:\n      beer: piwo\n  user-greeting: "Hello %{username}!"\n',
};

const PRODUCTS_16 = Array.from({ length: 16 }, (_, i) => ({ title: `Product ${i + 1}` }));
const PRODUCTS_5 = PRODUCTS_16.slice(0, 5);
const SHOP_PRODUCTS = ['Cool Shirt', 'Alien Poster', 'Batman Poster', 'Bullseye Shirt', 'Another Classic Vinyl', 'Awesome Jeans'].map((title) => ({ title }));

/** Partials of the function tag's examples: each returns what the documented output shows. */
const FUNCTION_PARTIALS = {
  'app/views/partials/partials/compute.liquid': "{% return 'result_from_partial' %}",
  'app/views/partials/partials/fetch_item.liquid': "{% return 'item_' | append: id %}",
  'app/views/partials/partials/fetch_user.liquid': "{% return 'user_' | append: id %}",
  'app/views/partials/partials/count_users.liquid': '{% return 2 %}',
  'app/views/partials/partials/get_name.liquid': "{% return 'John' %}",
  'app/views/partials/partials/get_email.liquid': "{% return 'john@example.com' %}",
  // The example itself shows this partial's code.
  'app/views/partials/partials/greeting.liquid': "{% return 'Hello ' | append: name %}",
};

export const OVERRIDES: Record<string, Override> = {
  // ---- platformOS filters ----
  'filter:add_to_time#0/0': { skip: `${NOW} (the documented output is a description)` },
  'filter:add_to_time#1/0': { skip: `${NOW} (the documented output is a description)` },
  // The docs write the strings split returns as bare numbers.
  'filter:array_in_groups_of#0/0': { mode: 'json-loose' },
  'filter:array_intersect#0/0': { mode: 'json-loose' },
  'filter:array_rotate#0/0': { mode: 'json-loose' },
  'filter:array_subtract#0/0': { mode: 'json-loose' },
  'filter:array_shuffle#0/0': { skip: RANDOM },
  'filter:asset_name_to_raw_url#0/0': { skip: 'instance-specific URL (CDN host)' },
  'filter:asset_path#0/0': { skip: 'instance-specific URL (upload timestamp)' },
  'filter:asset_url#0/0': { skip: 'instance-specific URL (CDN host, upload timestamp)' },
  'filter:decrypt#0/1': {
    expected: `step=2;header.amount=10;header.paymentTypeCode=ONLINE;customer.firstName=John${' '.repeat(19)}`,
    docsWrong: 'the 96-byte ciphertext is the encrypt example\'s output (its payload padded to 96 with spaces); the documented 165-byte "iframe=..." text cannot fit in it',
  },
  'filter:encrypt#0/0': { skip: 'random IV: no output can repeat (test/liquid/filters/crypto.test.ts decrypts the documented ciphertext instead)' },
  'filter:encrypt#0/1': {
    template: "{% capture payload %}\n  {\n   \"key\": \"value\",\n   \"another_key\": \"another value\"\n  }\n{% endcapture %}\n@@posemu-check@@{{ \"step=2;header.amount=10;header.paymentTypeCode=ONLINE;customer.firstName=John\" | encrypt: 'aes-128-ecb', '4FCD5FAE2AC493C0F8CE8E1E6105D194', null, transform_key_to_hex: true, return_hex: true, pad_payload_right: 32 }}",
    docsWrong: 'the documented hex is what key 4FCD5FAE2AC493C0F8CE8E1E6105D194 (the decrypt example\'s key) produces, not the key written here; with that key it is reproduced byte for byte',
  },
  'filter:array_uniq#0/0': {
    expected: '["[[1,2],[1,2],[3,4]]"]',
    docsWrong: 'the input is a string, and the parameter note says a single value is wrapped in a one-element array; the documented pairs would need an array input',
  },
  'filter:markdown#3/0': { expected: '<p><b>Foo</b></p>', docsWrong: '<b> is inline HTML: CommonMark and kramdown both wrap it in a paragraph' },
  'filter:sanitize#0/0': {
    expected: '<a rel="nofollow">Link</a>',
    docsWrong: 'the defaults documented on the same page remove a javascript: href entirely and add rel="nofollow"',
  },
  'filter:sanitize#0/1': {
    expected: 'Link',
    docsWrong: "an array argument is the list of allowed elements: ['target'] allows <target> only, so <a> is unwrapped to its text",
  },
  'filter:decrypt#0/0': { skip: 'the encrypted payload is not given (the documented output is a description)' },
  'filter:download_file#0/0': { skip: 'needs the network' },
  'filter:parse_json#2/0': { skip: 'needs the network (download_file)' },
  'filter:encrypt#0/2': { skip: 'random IV (the documented output is a description)' },
  'filter:hcaptcha#0/0': { skip: 'needs a request carrying an hCaptcha response' },
  'filter:verify_access_key#0/0': { skip: 'needs an access key issued by the instance' },
  'filter:random_string#0/0': { skip: RANDOM },
  'filter:uuid#0/0': { skip: RANDOM },
  'filter:uuid#0/1': { skip: RANDOM },
  'filter:to_time#0/0': { skip: NOW },
  'filter:to_time#1/0': { skip: NOW },
  'filter:to_time#2/0': { skip: NOW },
  'filter:to_time#3/0': { skip: NOW },
  'filter:to_time#4/0': { expected: '2010-01-01 00:00:00 UTC', docsWrong: 'a UTC time prints with its zone, as the to_time example after it shows' },
  'filter:html_safe#0/0': {
    format: 'html',
    expected: '&lt;h1&gt;Hello&lt;/h1&gt;',
    docsWrong: 'the documented escape ends in "&lt;/h1>&gt;", a typo for "&lt;/h1&gt;"',
  },
  'filter:html_safe#1/0': { format: 'html' },
  'filter:html_safe#2/0': {
    format: 'html',
    expected: '&lt;script&gt;alert(&quot;Hello&quot;)&lt;/script&gt;',
    docsWrong: 'the documented output is what the browser shows for the escaped HTML, plus a remark',
  },
  'filter:html_safe#3/0': { format: 'html', expected: '<script>alert("Hello")</script>', docsWrong: 'the documented output ends with a remark' },
  'filter:json#0/0': { vars: { user: { name: 'Mike', email: 'mike@mail.com' } } },
  'filter:querify#1/0': { vars: { hash: { name: 'Dan', id: 1 } } },
  'filter:t#0/0': { files: TRANSLATIONS },
  'filter:t#1/0': { files: TRANSLATIONS },
  'filter:t#2/0': { files: TRANSLATIONS },
  'filter:t#3/0': { files: TRANSLATIONS },
  'filter:t_escape#0/0': {
    files: { 'app/translations/en.yml': 'en:\n  user-greeting: Hello %{username}\n' },
    expected: 'Hello &lt;script&gt;alert(&quot;hello&quot;)&lt;/script&gt;Mike',
    docsWrong: 'the documented output is what the browser shows; the interpolated value is HTML-escaped',
  },
  // The docs write the CSV's line breaks as \n.
  'filter:to_csv#0/0': { expected: '"id","header1","header2"\n1,"example","value"\n2,"another","val2"' },
  'filter:to_csv#1/0': {
    template:
      "{% liquid\n  assign arr = '' | split: ','\n  assign headers = 'id,header1,header2' | split: ','\n  assign row1 = '1,example,value' | split: ','\n  assign row2 = '2,another,val2' | split: ','\n  assign arr = arr | array_add: headers | array_add: row1 | array_add: row2\n%}\n" +
      `${MARK}{{ arr | to_csv: force_quotes: true }}`,
    expected: '"id","header1","header2"\n"1","example","value"\n"2","another","val2"',
  },
  'filter:to_xml#0/0': {
    mode: 'json',
    expected: '{"letter":[{"title":[{"maxlength":"10","content":" Quote Letter "}]}]}',
    docsWrong: 'the example prints `object` (the parsed hash), not `xml`',
  },
  'filter:useragent#0/0': { vars: { context: { headers: { HTTP_USER_AGENT: 'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0' } } } },

  // ---- tags ----
  'tag:function#1/0': { files: FUNCTION_PARTIALS },
  'tag:function#2/0': { files: FUNCTION_PARTIALS },
  'tag:function#3/0': { files: FUNCTION_PARTIALS },
  'tag:function#4/0': { files: FUNCTION_PARTIALS, template: `{% function result = 'partials/greeting', name: 'Alice' %}\n${MARK}{{ result }}` },
  'tag:function#5/0': { files: FUNCTION_PARTIALS },
  'tag:parse_json#3/0': {
    mode: 'json',
    expected: '[{"maker":"Honda","model":"CRX"},{"maker":"Subaru","model":"Forester"},{"maker":"Lexus","model":"LFA"}]',
    docsWrong: 'shows how old platformOS printed an array (each hash inspected, joined); arrays print as JSON',
  },

  // ---- reference pages (Shopify-style examples: the data is implied by the output) ----
  'page:filters#17': { vars: { fruits: ['apples', 'oranges', 'peaches'], vegetables: ['carrots', 'turnips', 'potatoes'] } },
  'page:filters#18': { vars: { article: { published_at: '2015-07-17' } } },
  'page:filters#19': { vars: { article: { published_at: '2015-07-17' } } },
  'page:filters#25': { vars: { settings: { flag: false } }, expected: 'false', docsWrong: 'the output block starts with a comment describing the input' },
  'page:filters#98': {
    vars: {
      products: [
        { title: 'Vacuum', type: 'house' },
        { title: 'Spatula', type: 'kitchen' },
        { title: 'Television', type: 'lounge' },
        { title: 'Garlic press', type: 'kitchen' },
      ],
    },
  },
  'page:filters#99': {
    vars: {
      products: [
        { title: 'Coffee mug', available: true },
        { title: 'Limited edition sneakers', available: false },
        { title: 'Boring sneakers', available: true },
      ],
    },
  },
  'page:filters#100': { vars: { products: [{ title: 'Hawaiian print sweater vest', type: 'shirt' }, { title: 'Plain shirt', type: 'shirt' }] } },
  'page:flow-control#0': { vars: { line_item: { grams: 25000 }, customer_address: { city: 'Ottawa' } } },
  'page:flow-control#2': { vars: { customer: { tags: ['VIP'], email: 'a@example.com' } } },
  'page:loops#2': { vars: { item: { quantity: 4 } }, expected: '1 2 3 4', docsWrong: 'the commas are not in the template' },
  'page:loops#5': { vars: { array: [1, 2, 3, 4, 5, 6] }, expected: '3 4', docsWrong: 'the comma is not in the template' },
  'page:loops#14': { vars: { collection: { products: SHOP_PRODUCTS } } },
  'page:loops#15': { vars: { collection: { products: SHOP_PRODUCTS } } },
  'page:objects#0': { vars: { collections: { frontpage: { products: PRODUCTS_5 } } } },
  'page:objects#1': { vars: { collections: { frontpage: { products: PRODUCTS_16 } } } },
  'page:objects#2': { vars: { collections: { frontpage: { products: PRODUCTS_16 } } } },
  'page:objects#3': { vars: { collections: { frontpage: { products: PRODUCTS_16.slice(0, 6) } } } },
  'page:objects#4': {
    vars: { collections: { frontpage: { products: ['Apple', 'Orange', 'Peach', 'Plum'].map((title) => ({ title })) } } },
    expected: '<p>This collection has 4 products:</p><p>Apple</p><p>Orange</p><p>Peach</p><p>Plum</p>',
    docsWrong: 'the output leaves out the <p> tags the template prints',
  },
  'page:objects#5': { vars: { collections: { frontpage: { products: PRODUCTS_16 } } } },
  'page:objects#6': { vars: { collections: { frontpage: { products: PRODUCTS_16 } } } },
  'page:types#9': { vars: { my_object: { hello: 'world' } }, expected: 'world', docsWrong: 'assigns `var` but reads my_object[val], which is nil' },
  'page:types#19': { vars: { settings: { fp_heading: '' } } },
};

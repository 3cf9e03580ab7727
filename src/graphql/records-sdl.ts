/**
 * Records schema: type, input and argument names as in platformos-docs/graphql.graphql, for
 * the subset posemu implements (no uploads, geo filters, users or remote relations).
 * One deliberate difference: records(per_page:) defaults to 20 instead of being required,
 * because platformOS answers `{ records { total_entries } }` (measured, see tags.json graphql).
 */
export const RECORDS_SDL = /* GraphQL */ `
  input RangeFilter { gt: String, gte: String, lt: String, lte: String }

  input PropertyFilterInput {
    name: String!
    allow_empty: Boolean
    array_contains: [String!]
    array_overlaps: [String!]
    case_sensitive: Boolean
    contains: String
    ends_with: String
    exists: Boolean
    not_array_contains: [String!]
    not_array_overlaps: [String!]
    not_contains: String
    not_ends_with: String
    not_starts_with: String
    not_value: String
    not_value_array: [String!]
    not_value_boolean: Boolean
    not_value_float: Float
    not_value_in: [String!]
    not_value_int: Int
    property_type: String
    range: RangeFilter
    starts_with: String
    value: String
    value_array: [String!]
    value_boolean: Boolean
    value_float: Float
    value_in: [String!]
    value_int: Int
  }

  input RecordsFilterInput {
    created_at: DateFilter
    deleted_at: DateFilter
    external_id: StringFilter
    id: UniqIdFilter
    or: [RecordsFilterInput!]
    properties: [PropertyFilterInput!]
    table: StringFilter
    table_id: UniqIdFilter
    updated_at: DateFilter
    user_id: UniqIdFilter
  }

  input PropertySort { name: String!, order: SortOrderEnum! }

  input RecordsSortInput {
    created_at: StandardSort
    deleted_at: StandardSort
    external_id: StandardSort
    id: StandardSort
    properties: [PropertySort!]
    random_sort: Boolean
    table_id: StandardSort
    updated_at: StandardSort
  }

  input QueryOptionsInput { read_replica: Boolean = false, timeout: Int = 19 }

  input PropertyInputType {
    array_append: String
    array_remove: String
    decrement: Float
    increment: Float
    name: String!
    value: String
    value_array: [String]
    value_boolean: Boolean
    value_float: Float
    value_int: Int
    value_json: JSONPayload
  }

  input RecordInputType {
    created_at: JSONDate
    deleted_at: JSONDate
    external_id: ID
    id: ID
    properties: [PropertyInputType]
    table: String
    updated_at: JSONDate
    user_id: ID
  }

  enum SelectPropertyTypeEnum { array boolean float int json object string }
  input PropertiesFieldInput { attribute_type: SelectPropertyTypeEnum!, name: String! }

  type Record {
    created_at: JSONDate!
    deleted_at: JSONDate
    external_id: ID
    id: ID
    model_schema_name: String @deprecated(reason: "use table")
    name: String @deprecated(reason: "use table")
    properties(select: [PropertiesFieldInput!]): HashObject
    property(name: String!): String
    property_array(name: String!): [String!]
    property_boolean(name: String!): Boolean
    property_float(name: String!): Float
    property_int(name: String!): Int
    property_json(name: String!): JSONPayload
    property_object(name: String!): HashObject
    related_record(filter: RecordsFilterInput, foreign_property: String = "id", join_on_property: String!, sort: [RecordsSortInput!], table: [String]!): Record
    related_records(filter: RecordsFilterInput, foreign_property: String!, join_on_property: String!, limit: Int, sort: [RecordsSortInput!], table: [String]!): [Record!]
    table: String
    table_id: ID!
    updated_at: JSONDate!
    user_id: ID
  }

  type RecordCollection {
    current_page: Int!
    has_next_page: Boolean!
    has_previous_page: Boolean!
    per_page: Int!
    results: [Record!]
    total_entries: Int!
    total_pages: Int!
  }

  type ObjectCount { count: Int! }

  extend type RootQuery {
    records(filter: RecordsFilterInput, options: QueryOptionsInput, page: Int = 1, per_page: Int = 20, sort: [RecordsSortInput!]): RecordCollection!
  }

  extend type RootMutation {
    record_create(form_name: String, record: RecordInputType!): Record!
    record_delete(form_name: String, id: ID!, table: String): Record!
    record_update(_index_update: Boolean = true, form_name: String, id: ID!, record: RecordInputType!): Record!
    records_delete_all(any_table: Boolean, filter: RecordsFilterInput, sync: Boolean = false, table: String): ObjectCount!
  }
`;

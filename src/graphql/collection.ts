/** The collection shape platformOS uses for every paginated query (records, constants...). */
export interface Collection<T> {
  current_page: number;
  per_page: number;
  total_entries: number;
  total_pages: number;
  has_next_page: boolean;
  has_previous_page: boolean;
  results: T[];
}

/** One page of `total` results; per_page 0 gives no pages (the records query allows it). */
export function collection<T>(results: T[], total: number, page: number, perPage: number): Collection<T> {
  const totalPages = perPage === 0 ? 0 : Math.ceil(total / perPage);
  return {
    current_page: page,
    per_page: perPage,
    total_entries: total,
    total_pages: totalPages,
    has_next_page: page < totalPages,
    has_previous_page: page > 1,
    results,
  };
}

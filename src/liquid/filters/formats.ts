// Filters of this family are added here (see index.ts). Only filter functions are exported from a family file.
export {};

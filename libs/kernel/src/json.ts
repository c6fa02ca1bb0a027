/** Plain JSON data, as events carry it. */
export type JsonObject = { [key: string]: unknown };

import { REFERENCE_DATA } from "../../catalog/index.js";
import type { Store } from "../../store/index.js";

/** Where the apps keep their records: PostgreSQL when DATABASE_URL is set, else PGlite in a folder. */
export interface StoreLocation {
  /** PGlite data folder. @default "./data" */
  dataDir?: string;
  /** PostgreSQL connection string; wins over dataDir. @default process.env.DATABASE_URL */
  databaseUrl?: string;
}

/** Opens the store and seeds the reference compounds (idempotent, so safe at every start). */
export async function openAppStore(location: StoreLocation = {}): Promise<Store> {
  // Loaded on first use: the database drivers cost ~60 ms of start-up that most commands never need.
  const { openStore } = await import("../../store/index.js");
  const databaseUrl = location.databaseUrl ?? process.env.DATABASE_URL;
  const store = databaseUrl
    ? await openStore({ databaseUrl })
    : await openStore({ dataDir: location.dataDir ?? "./data" });
  try {
    await store.seedCompounds(REFERENCE_DATA.compounds);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Opens the store, runs `use`, and always closes it. */
export async function withAppStore<T>(
  location: StoreLocation,
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openAppStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

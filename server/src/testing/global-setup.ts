import { recreateTestDatabase } from './test-database';

/** With TEST_DATABASE_URL: drop and re-create that database, then migrate it once for all files. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await recreateTestDatabase(url);
}

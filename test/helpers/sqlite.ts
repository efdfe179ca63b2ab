import sqlite3 from 'sqlite3';

/** Reads rows straight from a weakties SQLite file, read-only, as another process would see them. */
export function sqliteRows<T>(path: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, (error, found: T[]) => {
        db.close();
        if (error) reject(error);
        else resolve(found);
      });
    });
  });
}

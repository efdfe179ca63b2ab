import type Keyv from 'keyv';

/**
 * Every entry of one key space. Keyv's iterator throws when a key vanishes between the scan that
 * lists it and the read of its value (another process just deleted it); then the scan starts over.
 */
export async function readAll(keyv: Keyv, tries = 5): Promise<[string, unknown][]> {
  if (!keyv.iterator) return [];
  for (let attempt = 1; ; attempt++) {
    const found: [string, unknown][] = [];
    try {
      for await (const [key, value] of keyv.iterator(undefined)) found.push([key, value]);
      return found;
    } catch (error) {
      if (!(error instanceof TypeError) || attempt >= tries) throw error;
    }
  }
}

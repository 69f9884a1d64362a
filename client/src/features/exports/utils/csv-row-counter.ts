const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Counts complete CSV records in a byte stream as it arrives: a line feed ends a record unless it is
 * inside quotes (a case description may hold line breaks). Doubled quotes toggle twice, so they cancel.
 * UTF-8 never uses these two bytes inside a multi-byte character, so chunks may split anywhere.
 */
export function createCsvRecordCounter() {
  let isQuoted = false;
  let records = 0;
  return {
    push(chunk: Uint8Array): number {
      for (const byte of chunk) {
        if (byte === QUOTE) isQuoted = !isQuoted;
        else if (byte === LINE_FEED && !isQuoted) records++;
      }
      return records;
    },
  };
}

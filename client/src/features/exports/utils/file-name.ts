/** The file name from Content-Disposition, preferring the RFC 5987 UTF-8 form (Chinese names). */
export function readFileName(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(contentDisposition);
  return plain?.[1] ?? fallback;
}

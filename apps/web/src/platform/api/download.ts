import { apiRequest } from './client';
import { toQueryString, type QueryParams } from './query-string';

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/**
 * Downloads a file through the API client (so errors come back as messages, not as a JSON page)
 * and saves it under the server's file name.
 */
export async function downloadFile(
  path: string,
  query: QueryParams | undefined,
  fallbackName: string,
): Promise<void> {
  const response = await apiRequest(path + toQueryString(query));
  const blob = await response.blob();
  const name = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

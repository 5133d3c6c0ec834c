/**
 * Whether JSON text nests [ and { deeper than `limit` (outside strings), stopping at the first level past it.
 * JSON.parse itself does not bound nesting: a million '[' overflow the stack of whatever walks the result.
 * Shared by the GeoJSON reader and the project reader's JSON cells.
 * @example jsonDepthOver('[[[1]]]', 2) // true
 */
export function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

// core/geodata compile without DOM or Node types; TextDecoder exists in every runtime we ship (Node, Chromium).
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

/**
 * Decodes a text file the way Chinese spreadsheets save it: UTF-8 with or without BOM, else GBK (WHATWG
 * Encoding 'gbk', i.e. GB18030 decoding: what Excel's "CSV" writes on a Chinese Windows). With 'auto',
 * bytes that are not valid UTF-8 are taken as GBK.
 * @example decodeText(new Uint8Array([0xd5, 0xbe, 0xc3, 0xfb])) // { text: '站名', encoding: 'gbk' }
 */
export function decodeText(bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'gbk' = 'auto'): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (encoding === 'gbk') return { text: new TextDecoderImpl('gbk').decode(bytes), encoding };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'utf-8' || hasBom) return { text: new TextDecoderImpl('utf-8').decode(bytes), encoding: 'utf-8' };
  try {
    return { text: new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoderImpl('gbk').decode(bytes), encoding: 'gbk' };
  }
}
